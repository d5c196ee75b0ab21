using DuckDB.NET.Data;
using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Contracts;

/// <summary>
/// Custom checks: an aggregate that must be true, or a row condition every row must meet (NULL counts as
/// met, as in a SQL CHECK constraint). They run against the view of typed columns.
/// </summary>
internal static class SqlCheckRunner
{
    /// <summary>Binds every check against the typed view without running it, so SQL errors surface before any data check.</summary>
    /// <exception cref="ConfigurationException">A check is not valid SQL or not boolean (MG0017 at its line).</exception>
    public static void Prepare(ValidationContext context, TypedColumns columns)
    {
        var problems = new List<Diagnostic>();
        foreach (var check in context.Contract.Checks)
        {
            var expression = check.Sql ?? check.Row!;
            try
            {
                var type = context.Engine.Query($"DESCRIBE SELECT ({expression}) AS result FROM {columns.View}", r => r.GetString(1)).Single();
                if (type != "BOOLEAN")
                {
                    problems.Add(Problem(context, check, $"Check '{check.Name}' must be a boolean expression but its SQL gives {type}."));
                }
            }
            catch (DuckDBException e)
            {
                problems.Add(Problem(context, check, $"Check '{check.Name}' is not valid SQL over the dataset's columns: {FirstLine(e.Message)}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }

    public static IEnumerable<CheckResult> Run(ValidationContext context, TypedColumns columns)
    {
        foreach (var check in context.Contract.Checks)
        {
            if (check.Sql is { } sql)
            {
                var value = context.Engine.Scalar($"SELECT ({sql}) FROM {columns.View}");
                var verdict = value is null ? "null" : "false";
                var failure = value is true ? null : Failure(context, check, $"Check '{check.Name}' is {verdict}: {sql}", verdict, "true", []);
                yield return ContractChecks.Result($"checks/{check.Name}", $"check '{check.Name}'", failure, value is true ? "true" : verdict, "true");
                continue;
            }

            var row = check.Row!;
            var condition = $"NOT coalesce(({row}), true)";
            var failing = SqlValue.ToInt64(context.Engine.Scalar($"SELECT count(*) FROM {columns.View} WHERE {condition}"));
            Diagnostic? rowFailure = null;
            if (failing > 0)
            {
                var examples = context.Engine.Query(
                    $"SELECT __mg_row FROM {columns.View} WHERE {condition} ORDER BY __mg_row LIMIT {ValidationContext.ExampleLimit}",
                    r => context.Dataset.Locator.Example(SqlValue.ToInt64(r.GetValue(0)), null));
                rowFailure = Failure(context, check, $"{failing} row(s) fail check '{check.Name}': {row}", failing, 0, examples);
            }

            yield return ContractChecks.Result($"checks/{check.Name}", $"check '{check.Name}'", rowFailure, failing, 0);
        }
    }

    internal static Diagnostic Failure(IValidationTarget context, SqlCheck check, string message, Scalar measured, Scalar bound, IReadOnlyList<ExampleRow> examples) =>
        DiagnosticCatalog.SqlCheckFailed.Create(message) with
        {
            Severity = check.Severity,
            File = context.ContractFile,
            Line = check.Position.Line,
            SourceColumn = check.Position.Column,
            Check = check.Name,
            Measured = measured,
            Bound = bound,
            Examples = examples,
        };

    internal static Diagnostic Problem(IValidationTarget context, SqlCheck check, string message) =>
        DiagnosticCatalog.InvalidSqlCheck.Create(message) with
        {
            File = context.ContractFile,
            Line = check.Position.Line,
            SourceColumn = check.Position.Column,
            Check = check.Name,
        };

    internal static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
