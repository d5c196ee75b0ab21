using ModelGates.Checks;
using ModelGates.Contracts.Rules;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Sql;

namespace ModelGates.Contracts.Pushdown;

/// <summary>
/// Checks a relation on a SQL engine (a table or a query, through a <see cref="SqlSession"/>) against a contract
/// without moving its rows: the same rules, messages, check ids and example format as a file
/// (<see cref="ContractValidator"/>), written in the engine's dialect. What it costs (docs/scale.md): one metadata
/// query for the columns and one per pattern and custom check to compile them; one aggregate scan for the row count,
/// every column rule and every custom check; one grouping scan per unique key; then, only for each failing check, one
/// query of at most <see cref="ValidationContext.ExampleLimit"/> example rows (and one of the five most frequent unknown
/// values for a failing <c>allowedValues</c>).
/// </summary>
internal static class SqlContractValidator
{
    /// <summary>Validates <paramref name="relation"/> against <paramref name="contract"/>.</summary>
    /// <param name="session">The engine the relation lives on.</param>
    /// <param name="relation">A table name quoted in the session's dialect (<c>"public"."applications"</c>) or a parenthesised query with an alias.</param>
    /// <param name="contract">The contract.</param>
    /// <param name="options">The name in messages and the row-number column; defaults when null.</param>
    /// <returns>Every check, in the order and with the ids a file's validation has.</returns>
    /// <exception cref="ConfigurationException">A pattern or custom check does not compile on the engine (exit code 2).</exception>
    /// <exception cref="DataReadException">The engine failed (the session's MG code, exit code 3).</exception>
    public static SqlValidationResult Validate(SqlSession session, string relation, DataContract contract, SqlContractOptions? options = null)
    {
        options ??= new SqlContractOptions();
        var d = session.Dialect;
        var columns = session.Columns(relation);
        var names = columns.Select(c => c.Name).ToList();
        if (options.RowNumberColumn is { } rowColumn && !names.Contains(rowColumn, StringComparer.Ordinal))
        {
            throw new ConfigurationException(DiagnosticCatalog.RowNumberColumnMissing.Create(
                $"The row-number column '{rowColumn}' is not a column of {options.DisplayName ?? relation}; it has {string.Join(", ", names)}."));
        }

        var context = new SqlValidationContext(session, contract, options.DisplayName ?? relation, names, options.RowNumberColumn is not null);
        context.Columns(relation);
        var typed = SqlTypedColumns.Build(d, relation, columns, contract, options.RowNumberColumn);
        context.Relation = typed.Relation;
        context.StoredColumns = typed.Declared.ToDictionary(c => c.Contract.Name, c => c.Raw, StringComparer.Ordinal);

        var checks = new List<CheckResult>
        {
            ContractChecks.Result("parse", $"unparsed rows ≤ {options.MaxUnparsedRows}", null, 0, options.MaxUnparsedRows),
        };
        checks.AddRange(SchemaCheck.Run(context, options.RowNumberColumn));
        SqlCustomChecks.Prepare(context);
        var patterns = SqlPatterns.Prepare(context, typed.Declared);

        var planned = new List<(ColumnSql Column, ColumnRule Rule, int First, int Count)>();
        var skipped = new List<(ColumnSql Column, ColumnRule Rule, Diagnostic Warning)>();
        var aggregates = new List<string> { "count(*)" };
        var rules = ColumnRules.For(typed.Relation);
        foreach (var column in typed.Declared)
        {
            foreach (var rule in rules.Where(r => r.AppliesTo(column.Contract)))
            {
                if (NotPushedDown(context, typed, patterns, column, rule) is { } warning)
                {
                    skipped.Add((column, rule, warning));
                    planned.Add((column, rule, -1, 0));
                    continue;
                }

                var sql = rule.Aggregates(column);
                planned.Add((column, rule, aggregates.Count, sql.Count));
                aggregates.AddRange(sql);
            }
        }

        var firstCheck = aggregates.Count;
        aggregates.AddRange(SqlCustomChecks.Aggregates(context));
        var row = context.Query($"SELECT {string.Join(", ", aggregates)} FROM {typed.Relation}", 1).Single();
        context.Rows = SqlValue.ToInt64(row[0]);

        foreach (var (column, rule, first, count) in planned)
        {
            var name = column.Contract.Name;
            var id = $"{name}/{rule.Key}";
            var description = $"{name} {rule.Describe(column.Contract)}";
            if (first < 0)
            {
                checks.Add(ContractChecks.Result(id, description, skipped.Single(s => s.Column == column && s.Rule == rule).Warning, column: name));
                continue;
            }

            var finding = new RuleFinding(context, column, rule, row[first..(first + count)]);
            checks.Add(ContractChecks.Result(id, description, rule.Judge(finding), rule.Measure(finding), column: name));
        }

        checks.AddRange(RowCountCheck.Run(context));
        checks.AddRange(UniqueKeyCheck.Run(context));
        checks.AddRange(SqlCustomChecks.Judge(context, row[firstCheck..], typed.RowText, options.RowNumberColumn is not null));
        return new SqlValidationResult(context.DisplayName, context.Rows, [.. checks.Select(c => c.Diagnostic is { } d ? c with { Diagnostic = context.Privacy.Apply(d) } : c)], context.Queries);
    }

    /// <summary>The MG2014 warning of a rule this engine cannot check, or null.</summary>
    private static Diagnostic? NotPushedDown(SqlValidationContext context, SqlTypedColumns typed, SqlPatterns patterns, ColumnSql column, ColumnRule rule)
    {
        var reason = rule switch
        {
            TypeRule when typed.NotPushedDown.TryGetValue(column.Contract.Name, out var why) => why,
            PatternRule when !patterns.Supported => $"the {context.Dialect.Name} dialect has no regular expressions",
            _ => null,
        };
        if (reason is null)
        {
            return null;
        }

        var position = column.Contract.PositionOf(rule.Key);
        return DiagnosticCatalog.RuleNotPushedDown.Create(
            $"Rule '{rule.Key}' of column '{column.Contract.Name}' was not checked on {context.DisplayName}: {reason}. Check the data as a file, or drop the rule for this dataset.")
            with
            {
                File = context.ContractFile,
                Line = position.Line,
                SourceColumn = position.Column,
                Column = column.Contract.Name,
                Check = rule.Key,
            };
    }
}
