namespace ModelGates.Sql;

/// <summary>
/// How one SQL engine spells what pushdown needs. Each engine is one small class; PostgreSQL and DuckDB are
/// executed in tests, Spark SQL, Trino and Snowflake are checked as text against golden files. Every method
/// returns SQL text; values and names are quoted here and nowhere else.
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

    /// <summary>The bin of a value among sorted inner edges: how many edges are at or below it (0 … edges.Count).</summary>
    string BinIndex(string expression, IReadOnlyList<double> edges);

    /// <summary>A predicate: the whole text matches the regular expression; null when the engine has none.</summary>
    string? FullMatch(string expression, string pattern);

    /// <summary>The number of characters of a text expression.</summary>
    string Length(string expression);

    /// <summary>A query reading at most <paramref name="rows"/> rows of a select.</summary>
    string Limit(string select, long rows);

    /// <summary>A relation of about <paramref name="percent"/> percent of a table's rows, repeatable for a seed where the engine allows.</summary>
    string Sample(string relation, double percent, int seed);
}
