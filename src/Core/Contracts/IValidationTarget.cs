using ModelGates.Diagnostics;
using ModelGates.Sql;

namespace ModelGates.Contracts;

/// <summary>
/// What the contract rules run against: a file read into the embedded DuckDB (<see cref="ValidationContext"/>) or a
/// relation on a SQL engine (<see cref="Pushdown.SqlValidationContext"/>). The rules write their SQL in the target's
/// dialect and judge what it measured the same way on both, so a table and a file of the same rows get the same findings.
/// </summary>
internal interface IValidationTarget
{
    DataContract Contract { get; }

    /// <summary>The contract file named in diagnostics.</summary>
    string ContractFile { get; }

    /// <summary>The dataset as messages name it (a path relative to the working folder, or a table).</summary>
    string DisplayName { get; }

    /// <summary>The columns whose values outputs mask (docs/privacy.md): declared by the contract, and detected where the target scans.</summary>
    Quality.Privacy.ColumnPrivacy Privacy { get; }

    /// <summary>The number of rows.</summary>
    long Rows { get; }

    /// <summary>The names of the dataset's columns, in order.</summary>
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>How SQL is written for the engine.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>The relation the rules read: a quoted table name, or a parenthesised query with an alias.</summary>
    string Relation { get; }

    /// <summary>SQL in <see cref="Relation"/> for a column's stored value (what unique keys compare), by column name.</summary>
    string Stored(string column);

    /// <summary>The one value of a query.</summary>
    object? Scalar(string sql);

    /// <summary>At most <see cref="ValidationContext.ExampleLimit"/> rows for which <paramref name="condition"/> holds, in the target's example order, with <paramref name="valueSql"/> as their value.</summary>
    IReadOnlyList<ExampleRow> Examples(string condition, string valueSql);

    /// <summary>The most frequent values (as text) among rows where <paramref name="condition"/> holds: by count, then by code point.</summary>
    IReadOnlyList<(string Value, long Count)> TopValues(string condition, string valueSql, int limit);
}

/// <summary>What every target shares.</summary>
internal static class ValidationTargets
{
    /// <summary>A diagnostic pointing at a top-level key of the contract.</summary>
    public static Diagnostic AtKey(this IValidationTarget target, DiagnosticDescriptor descriptor, string key, string message)
    {
        var position = target.Contract.PositionOf(key);
        return descriptor.Create(message) with { File = target.ContractFile, Line = position.Line, SourceColumn = position.Column };
    }

    /// <summary>The query for <see cref="IValidationTarget.TopValues"/>.</summary>
    public static string TopValuesSql(this IValidationTarget target, string condition, string valueSql, int limit)
    {
        var d = target.Dialect;
        var text = d.CastText(valueSql);
        var select = $"SELECT {text}, count(*) AS n FROM {target.Relation} WHERE {condition} GROUP BY {text} ORDER BY n DESC, {d.OrdinalText(text)}";
        return d.Limit(select, limit);
    }
}
