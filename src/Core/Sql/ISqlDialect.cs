namespace ModelGates.Sql;

/// <summary>
/// How one SQL engine spells what pushdown needs. Each engine is one small class; PostgreSQL and DuckDB are
/// executed in tests, Spark SQL, Trino and Snowflake are checked as text against golden files
/// (<c>tests/ModelGates.Core.Tests/Sql/Golden/</c>, with the documentation page each construct was checked
/// against). Every method returns SQL text; values and names are quoted here and nowhere else.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>The dialect's name: <c>postgres</c>, <c>duckdb</c>, <c>spark</c>, <c>trino</c>, <c>snowflake</c>.</summary>
    string Name { get; }

    /// <summary>A quoted identifier, safe for any name.</summary>
    string Identifier(string name);

    /// <summary>A table name as a config writes it (<c>public.applications</c>), each part quoted.</summary>
    string TableName(string dotted);

    /// <summary>A string literal.</summary>
    string Literal(string value);

    /// <summary>A double literal that reads back as the same double.</summary>
    string Literal(double value);

    /// <summary>
    /// The text of a double expression that <c>double.Parse</c> (invariant culture) reads back as the same double, bit
    /// for bit: the engine's shortest round-trip form where it has one (pushdown packs a column's doubles into one
    /// text this way). Non-finite values may read as the engine spells them (<c>PushdownSql.ReadDouble</c>).
    /// </summary>
    string DoubleText(string expression);

    /// <summary>The expression as a double-precision float.</summary>
    string CastDouble(string expression);

    /// <summary>The expression as text.</summary>
    string CastText(string expression);

    /// <summary>The expression as a double, or NULL where it is not a number (for type checks of text columns).</summary>
    string TryCastDouble(string expression);

    /// <summary>A predicate: the double expression is finite (not NaN or ±infinity).</summary>
    string IsFinite(string expression);

    /// <summary>An aggregate: the exact value at each fraction of the ordered non-null values (<c>percentile_disc</c> semantics), as one array.</summary>
    string PercentilesDisc(string expression, IReadOnlyList<double> fractions);

    /// <summary>
    /// An aggregate returning, as one array, the exact values at the given 0-based <paramref name="ranks"/> of the
    /// <paramref name="count"/> ordered non-null values (the fractions are chosen so that the engine's rule picks
    /// exactly those order statistics); null when the engine has no exact ordered-set aggregate, and the caller
    /// ranks with <c>row_number()</c> instead.
    /// </summary>
    string? OrderStatistics(string expression, IReadOnlyList<long> ranks, long count);

    /// <summary>The bin of a value among sorted inner edges: how many edges are at or below it (0 … edges.Count). The value is not null.</summary>
    string BinIndex(string expression, IReadOnlyList<double> edges);

    /// <summary>A predicate: the whole text matches the regular expression; null when the engine has none.</summary>
    string? FullMatch(string expression, string pattern);

    /// <summary>The number of characters of a text expression.</summary>
    string Length(string expression);

    /// <summary>An aggregate: the number of rows for which <paramref name="condition"/> is true.</summary>
    string CountWhere(string condition);

    /// <summary>
    /// The text expression as a boolean, or NULL where it is not one of <c>true/false, t/f, yes/no, y/n, 1/0</c>
    /// (any case, no surrounding blanks, as DuckDB's <c>TRY_CAST</c>), the spellings a contract's <c>boolean</c> type accepts.
    /// </summary>
    string TryCastBoolean(string expression);

    /// <summary>
    /// The text expression as a date, or NULL where it is not a calendar date that exists (<c>2026-11-30</c>; also
    /// <c>/</c> or <c>.</c> as the separator, and a time of day after it, as DuckDB's <c>TRY_CAST</c> reads dates).
    /// </summary>
    string TryCastDate(string expression);

    /// <summary>
    /// The text expression as a timestamp, or NULL where it is not a date (as <see cref="TryCastDate"/>) with an optional
    /// time (<c>2026-11-30 08:15[:30[.123456]]</c>, a space or <c>T</c> between, an optional <c>Z</c> or <c>+02[:00]</c>) that exists.
    /// </summary>
    string TryCastTimestamp(string expression);

    /// <summary>The text expression parsed with a strptime format as a timestamp (NULL where it does not parse); null when the engine has no such parser.</summary>
    string? TryParseTimestamp(string expression, string format);

    /// <summary>A query reading at most <paramref name="rows"/> rows of a select.</summary>
    string Limit(string select, long rows);

    /// <summary>A relation of about <paramref name="percent"/> percent of a table's rows, repeatable for a seed where the engine allows.</summary>
    string Sample(string relation, double percent, int seed);

    /// <summary>Seconds since 1970-01-01 00:00:00 of a date or timestamp as a double (a timestamp without time zone read as UTC).</summary>
    string EpochSeconds(string expression);

    /// <summary>A 64-bit hash of a text expression, as a 64-bit integer (signed or not), for distinct-count registers.</summary>
    string Hash64(string textExpression);

    /// <summary>The identity of <see cref="Hash64"/>'s function: registers merge only with registers of the same hash.</summary>
    string HashId { get; }

    /// <summary>
    /// A 64-bit hash of a double expression's value itself (not its text), for the distinct-count registers of numeric
    /// columns; null where the engine has none, and numbers are hashed as their text by <see cref="Hash64"/>. Hashing the
    /// value skips printing every value as text, the costliest part of the registers' scan.
    /// </summary>
    string? Hash64Double(string doubleExpression);

    /// <summary>The identity of <see cref="Hash64Double"/>'s function; null where the dialect has none.</summary>
    string? DoubleHashId { get; }

    /// <summary>Bits of a 64-bit integer: <c>(value &gt;&gt; shift) &amp; mask</c> (arithmetic or logical shift alike, the mask keeps the bits asked for).</summary>
    string ShiftAndMask(string expression, int shift, long mask);

    /// <summary>
    /// An aggregate: the values of a text expression over a group's rows joined by commas, in any order (pushdown packs
    /// a column's registers into one value this way, so a few bytes per register come back instead of a row).
    /// </summary>
    string TextAgg(string textExpression);

    /// <summary>A text expression that orders by code point (ordinal), whatever the database's collation.</summary>
    string OrdinalText(string expression);

    /// <summary>
    /// True when the engine turns columns into rows by unnesting arrays in lockstep
    /// (<c>t CROSS JOIN LATERAL unnest(ARRAY[…], ARRAY[…]) AS u(a, b)</c>, PostgreSQL), so that no CASE over a column
    /// index is needed and each expression is compiled once, not once per row as a correlated VALUES list is.
    /// </summary>
    bool UnnestInLockstep { get; }

    /// <summary>Statements a pushdown runs once on its session before its first query (settings that keep the engine fast on the queries pushdown sends).</summary>
    IReadOnlyList<string> SessionStatements { get; }

    /// <summary>A relation of the integers 0 … <paramref name="count"/>−1 in one column, as a FROM item named <paramref name="alias"/>.</summary>
    string Integers(int count, string alias, string column);

    /// <summary>
    /// One row inserted into <paramref name="table"/> (already quoted), replacing the row with the same key (the first
    /// <paramref name="keyColumns"/> columns, which carry a unique constraint) in the same statement, so two writers of
    /// one key never see a duplicate-key error; null when the engine has no such statement the monitoring history uses.
    /// </summary>
    string? Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values, int keyColumns);

    /// <summary>
    /// A statement taking a lock on <paramref name="key"/> held until the transaction ends (concurrent creators of the
    /// history's tables wait for each other); null when the engine needs none (one writer process, as DuckDB's file).
    /// </summary>
    string? TransactionLock(long key);
}
