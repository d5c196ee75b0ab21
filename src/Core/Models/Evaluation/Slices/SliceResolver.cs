using DuckDB.NET.Data;
using ModelGates.Configuration.Json;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation.Slices;

/// <summary>
/// Finds the rows of every slice with SQL over the evaluation data (same row order as the predictions). Column
/// slices are ordered by value (ordinal), the missing value last as <c>column=(missing)</c>; predicate slices keep
/// their declared order. An unknown column or a predicate DuckDB rejects is MG4031 at the slice's line (exit 2).
/// </summary>
internal static class SliceResolver
{
    /// <summary>The name of a column slice's missing-value slice.</summary>
    public const string MissingValue = "(missing)";

    /// <summary>The rows of every slice of <paramref name="definitions"/>.</summary>
    /// <exception cref="ModelGatesException">MG4031: an unknown column or an invalid predicate (exit code 2).</exception>
    public static IReadOnlyList<SliceRows> Resolve(DataEngine engine, LoadedDataset data, IReadOnlyList<SliceDefinition> definitions, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(definitions);
        var slices = new List<SliceRows>();
        foreach (var definition in definitions)
        {
            slices.AddRange(definition.Column is { } column
                ? ByColumn(engine, data, definition, column, configFile)
                : definition.Predicates.Select(p => ByPredicate(engine, data, definition, p, configFile)));
        }

        var duplicate = slices.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Invalid(configFile, duplicate.Last().Definition.Position, $"Two slices are named '{duplicate.Key}'; slice names must be unique.");
        }

        return slices;
    }

    private static IEnumerable<SliceRows> ByColumn(DataEngine engine, LoadedDataset data, SliceDefinition definition, string column, string? configFile)
    {
        if (data.Find(column) is null)
        {
            var suggestion = Configuration.Json.DidYouMean.Suggest(column, data.Columns.Select(c => c.Name));
            throw Invalid(configFile, definition.Position,
                $"Slice column '{column}' is not in the evaluation data ({string.Join(", ", data.Columns.Select(c => c.Name))}).{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")}");
        }

        var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var index = 0;
        var x = SqlText.Identifier(column);
        var text = data.Find(column)!.TypeKind == ColumnKind.Numeric
            ? $"CASE WHEN {x} = trunc({x}) AND abs({x}) < 1e15 THEN CAST(CAST({x} AS BIGINT) AS VARCHAR) ELSE CAST({x} AS VARCHAR) END"
            : $"CAST({x} AS VARCHAR)";
        engine.Query($"SELECT {text} FROM {data.Table}", r =>
        {
            var value = r.IsDBNull(0) ? MissingValue : r.GetString(0);
            if (!rows.TryGetValue(value, out var list))
            {
                rows[value] = list = [];
            }

            list.Add(index++);
        });

        return rows.Keys
            .OrderBy(v => v == MissingValue ? 1 : 0)
            .ThenBy(v => v, StringComparer.Ordinal)
            .Select(v => new SliceRows($"{column}={v}", definition, [.. rows[v]]));
    }

    private static SliceRows ByPredicate(DataEngine engine, LoadedDataset data, SliceDefinition definition, SlicePredicate predicate, string? configFile)
    {
        var position = predicate.Position ?? definition.Position;
        try
        {
            var type = engine.Scalar($"SELECT typeof(({predicate.Sql})) FROM {data.Table} LIMIT 1") as string;
            if (type is not null && type != "BOOLEAN")
            {
                throw Invalid(configFile, position, $"Slice '{predicate.Name}': '{predicate.Sql}' is {type}, not a boolean condition.");
            }

            var rows = new List<int>();
            var index = 0;
            engine.Query($"SELECT coalesce(({predicate.Sql}), false) FROM {data.Table}", r =>
            {
                if (r.GetBoolean(0))
                {
                    rows.Add(index);
                }

                index++;
            });
            return new SliceRows(predicate.Name, definition, [.. rows]);
        }
        catch (DuckDBException e)
        {
            throw Invalid(configFile, position, $"Slice '{predicate.Name}': '{predicate.Sql}' is not a valid condition over the evaluation data: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static ModelGatesException Invalid(string? configFile, SourcePosition? position, string message) =>
        EvaluationErrors.Usage(DiagnosticCatalog.SliceInvalid, message, configFile, position);
}
