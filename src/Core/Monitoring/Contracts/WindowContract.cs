using System.Globalization;
using ModelGates.Contracts;
using ModelGates.Contracts.Rules;
using ModelGates.Data;
using ModelGates.Sql.Dialects;

namespace ModelGates.Monitoring.Contracts;

/// <summary>
/// A monitor's contract, judged per window (docs/monitoring.md#contracts-per-window): for every column rule of the
/// contract the share of the window's rows that pass it, and for every column of the window its missing share, all
/// in one aggregate scan of the window's table. A window cannot be held to a contract gate's zero tolerance (one bad
/// row in a week of production is normal), so a rule breaches the window when its pass rate falls below the floor;
/// <c>maxMissingShare</c> states its own tolerance and breaches when the share is over it (<c>allowedValues</c> with
/// a <c>maxUnknownShare</c> may have that share of unknown values even when it is looser than the floor).
/// </summary>
internal sealed class WindowContract
{
    /// <summary>The pass-rate floor when the monitor names none: at most 1 row in 100 may violate a rule.</summary>
    public const double DefaultMinPassRate = 0.99;

    public WindowContract(DataContract contract, string source, double minPassRate)
    {
        Contract = contract;
        Source = source;
        MinPassRate = minPassRate;
    }

    /// <summary>The contract.</summary>
    public DataContract Contract { get; }

    /// <summary>Where it came from: the contract file, or <c>contract gate 'name'</c>, for messages.</summary>
    public string Source { get; }

    /// <summary>The share of a window's rows that must pass each rule.</summary>
    public double MinPassRate { get; }

    /// <summary>The missing share of every column of <paramref name="columns"/> in the window (no contract needed).</summary>
    public static IReadOnlyList<WindowMissing> MissingShares(DataEngine engine, string windowTable, IReadOnlyList<DatasetColumn> columns, long rows)
    {
        if (columns.Count == 0 || rows == 0)
        {
            return [];
        }

        var row = engine.Row($"SELECT {string.Join(", ", columns.Select(c => $"count(*) - count({SqlText.Identifier(c.Name)})"))} FROM {windowTable}");
        return [.. columns.Select((c, i) => new WindowMissing(c.Name, (double)SqlValue.ToInt64(row[i]) / rows))];
    }

    /// <summary>The pass rate of every column rule over the window's rows; a declared column the window lacks fails its rules.</summary>
    public IReadOnlyList<WindowRule> Check(DataEngine engine, string windowTable, IReadOnlyList<DatasetColumn> columns, long rows)
    {
        var rules = ColumnRules.For(windowTable);
        var planned = new List<(ColumnContract Column, ColumnRule Rule)>();
        var aggregates = new List<string>();
        var results = new List<WindowRule>();
        foreach (var declared in Contract.Columns)
        {
            var applicable = rules.Where(r => r.AppliesTo(declared)).ToList();
            if (columns.FirstOrDefault(c => string.Equals(c.Name, declared.Name, StringComparison.Ordinal)) is not { } column)
            {
                if (declared.Required)
                {
                    results.Add(new WindowRule(declared.Name, "present", rows, 0, 0, false));
                }

                continue;
            }

            var sql = Sql(declared, column);
            foreach (var rule in applicable)
            {
                planned.Add((declared, rule));
                aggregates.Add(rule.Aggregates(sql)[0]);
            }
        }

        if (aggregates.Count > 0 && rows > 0)
        {
            var row = engine.Row($"SELECT {string.Join(", ", aggregates)} FROM {windowTable}");
            for (var i = 0; i < planned.Count; i++)
            {
                var (column, rule) = planned[i];
                var violations = SqlValue.ToInt64(row[i]);
                var passRate = 1 - ((double)violations / rows);
                var passed = rule switch
                {
                    MissingShareRule => (double)violations / rows <= column.MaxMissingShare!.Value,
                    AllowedValuesRule => passRate >= Math.Min(MinPassRate, 1 - column.MaxUnknownShare),
                    _ => passRate >= MinPassRate,
                };
                results.Add(new WindowRule(column.Name, rule.Key, rows, violations, passRate, passed));
            }
        }

        return results;
    }

    /// <summary>The reason a failed rule gives the window.</summary>
    public string Reason(WindowRule rule) => rule.Check switch
    {
        "present" => $"contract: column '{rule.Column}' is missing",
        "maxMissingShare" => Invariant($"contract {rule.Column}/maxMissingShare: missing share {Format(1 - rule.PassRate)} > {Format(Contract.Find(rule.Column)!.MaxMissingShare!.Value)}"),
        _ => Invariant($"contract {rule.Column}/{rule.Check}: pass rate {Format(rule.PassRate)} < {Format(MinPassRate)} ({rule.Violations} of {rule.Rows} rows)"),
    };

    /// <summary>
    /// The SQL of a declared column of the window. The monitor's table is typed: a column already of the declared
    /// type's family is parsed without the contract's text format (its values are no longer text in that format).
    /// </summary>
    private static ColumnSql Sql(ColumnContract declared, DatasetColumn column)
    {
        var raw = SqlText.Identifier(column.Name);
        var text = $"CAST({raw} AS VARCHAR)";
        var isText = column.SqlType.StartsWith("VARCHAR", StringComparison.OrdinalIgnoreCase);
        var typed = declared.Type is { } type ? ValueTypes.ParseSql(type, raw, isText ? declared.Format : null) : raw;
        var number = declared.Type is { } t && t.IsNumeric() ? typed : DuckDbDialect.Instance.TryCastDouble(raw);
        return new ColumnSql(declared, DuckDbDialect.Instance, raw, typed, text, number);
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One rule of a monitor's contract on one window.</summary>
/// <param name="Column">The contract's column.</param>
/// <param name="Check">The rule's contract key (<c>min</c>, <c>type</c>, <c>maxMissingShare</c>, ...), or <c>present</c> for a declared column the window lacks.</param>
/// <param name="Rows">The window's rows.</param>
/// <param name="Violations">Rows violating the rule (for <c>unique</c>, rows repeating an earlier value).</param>
/// <param name="PassRate">1 − violations / rows.</param>
/// <param name="Passed">The rule's verdict on the window: the pass rate at least the floor (<c>maxMissingShare</c>: the share within its budget).</param>
internal sealed record WindowRule(string Column, string Check, long Rows, long Violations, double PassRate, bool Passed);

/// <summary>The share of a window's rows where a column is missing.</summary>
/// <param name="Column">The column.</param>
/// <param name="Share">Missing rows / rows.</param>
internal sealed record WindowMissing(string Column, double Share);
