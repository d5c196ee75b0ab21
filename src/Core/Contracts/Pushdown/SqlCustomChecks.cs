using ModelGates.Checks;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Sql;

namespace ModelGates.Contracts.Pushdown;

/// <summary>
/// A contract's custom checks on a SQL engine, written in that engine's SQL over the typed columns. Both kinds are
/// aggregates of the one scan: an <c>sql</c> check is its own value, a <c>row</c> check the count of rows where it is
/// false (NULL passes, as in a CHECK constraint). Only a failing row check queries its examples.
/// </summary>
internal static class SqlCustomChecks
{
    /// <summary>Compiles every check against the typed relation without reading rows, so SQL errors surface before any data check.</summary>
    /// <exception cref="ConfigurationException">A check is not valid SQL on the engine or not boolean (MG0017 at its line).</exception>
    public static void Prepare(SqlValidationContext context)
    {
        var problems = new List<Diagnostic>();
        foreach (var check in context.Contract.Checks)
        {
            var expression = check.Sql ?? check.Row!;
            try
            {
                var type = context.Columns($"(SELECT ({expression}) AS result FROM {context.Relation})").Single().EngineType;
                if (SqlTypeFamilies.Of(type) != SqlTypeFamily.Boolean)
                {
                    problems.Add(SqlCheckRunner.Problem(context, check, $"Check '{check.Name}' must be a boolean expression but its SQL gives {type}."));
                }
            }
            catch (DataReadException e)
            {
                var reason = e.Diagnostics.FirstOrDefault()?.Message ?? e.Message;
                problems.Add(SqlCheckRunner.Problem(context, check, $"Check '{check.Name}' is not valid {context.Dialect.Name} SQL over the dataset's columns: {SqlCheckRunner.FirstLine(reason)}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }

    /// <summary>The aggregate of each check, in contract order.</summary>
    public static IReadOnlyList<string> Aggregates(SqlValidationContext context) =>
        context.Contract.Checks.Select(c => c.Sql is { } sql ? $"({sql})" : context.Dialect.CountWhere(Failing(c))).ToList();

    /// <summary>Judges each check from its aggregate.</summary>
    public static IEnumerable<CheckResult> Judge(SqlValidationContext context, IReadOnlyList<object?> values, string rowText, bool numbered)
    {
        for (var i = 0; i < context.Contract.Checks.Count; i++)
        {
            var check = context.Contract.Checks[i];
            if (check.Sql is { } sql)
            {
                var value = values[i];
                var verdict = value is null or DBNull ? "null" : "false";
                var failure = value is true ? null : SqlCheckRunner.Failure(context, check, $"Check '{check.Name}' is {verdict}: {sql}", verdict, "true", []);
                yield return ContractChecks.Result($"checks/{check.Name}", $"check '{check.Name}'", failure, value is true ? "true" : verdict, "true");
                continue;
            }

            var failing = SqlValue.ToInt64(values[i]);
            Diagnostic? rowFailure = null;
            if (failing > 0)
            {
                // A file's row examples name the record; a table's name it by the row-number column, or else show the row.
                var examples = context.Examples(Failing(check), numbered ? "NULL" : rowText);
                rowFailure = SqlCheckRunner.Failure(context, check, $"{failing} row(s) fail check '{check.Name}': {check.Row}", failing, 0, examples);
            }

            yield return ContractChecks.Result($"checks/{check.Name}", $"check '{check.Name}'", rowFailure, failing, 0);
        }
    }

    private static string Failing(SqlCheck check) => $"NOT coalesce(({check.Row}), true)";
}
