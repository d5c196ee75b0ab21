using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Sql;

namespace ModelGates.Models.Evaluation.Pushdown;

/// <summary>
/// The metrics of a model gate's slices over a predictions table, computed in the database: each slice's count and,
/// for binary predictions, the confusion matrix at the decision threshold (accuracy, precision, recall, F1, FPR,
/// positive rate through the metric classes themselves), log loss with scikit-learn's clipping, Brier, and ROC AUC by
/// ranks (Mann–Whitney with average ranks for ties); for regression MAE, RMSE, MAPE and R² (around each slice's own
/// mean). Only sums per slice leave the engine: one query for all rows (which also checks every row is usable), one per
/// column slice group (grouped by value) and one per predicate slice. Each query is one scan, plus a sort per slice
/// when AUC or R² needs ranks or means. Values equal a file's within floating-point summation order (1e-12 relative).
/// What needs the rows themselves (average precision, bootstrap intervals, multiclass metrics) is not computed: each
/// such metric a gate asks for is an MG4032 warning (docs/scale.md).
/// </summary>
internal static class SqlSliceMetrics
{
    /// <summary>The binary metrics computed exactly in SQL.</summary>
    public static readonly IReadOnlyList<string> BinaryPushedDown = ["auc", "logLoss", "brier", "accuracy", "precision", "recall", "f1", "fpr", "positiveRate"];

    /// <summary>The regression metrics computed exactly in SQL.</summary>
    public static readonly IReadOnlyList<string> RegressionPushedDown = ["rmse", "mae", "r2", "mape"];

    /// <summary>Computes every pushed-down metric for all rows and every slice of <paramref name="relation"/>.</summary>
    /// <param name="session">The engine.</param>
    /// <param name="relation">A table name quoted in the session's dialect, or a parenthesised query with an alias.</param>
    /// <param name="request">Columns, task, threshold, slices and the metrics wanted.</param>
    /// <exception cref="ModelGatesException">MG4032 for a multiclass task, MG4031 for an unknown slice column (exit 2); MG4033 for unusable rows (exit 3).</exception>
    /// <exception cref="DataReadException">The engine failed.</exception>
    public static SqlSliceResult Compute(SqlSession session, string relation, SqlSliceRequest request)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Task is not (ModelTask.Binary or ModelTask.Regression))
        {
            throw new ModelGatesException(
                [DiagnosticCatalog.MetricNotPushedDown.Create("Multiclass metrics are not computed in the database (each needs every class's score per row); evaluate a predictions file instead.") with { Severity = Severity.Error }],
                ExitCodes.UsageError);
        }

        var pushable = request.Task == ModelTask.Binary ? BinaryPushedDown : RegressionPushedDown;
        var wanted = request.Metrics ?? MetricRegistry.KnownIds(request.Task);
        var metrics = MetricRegistry.KnownIds(request.Task).Where(id => wanted.Contains(id, StringComparer.Ordinal) && pushable.Contains(id, StringComparer.Ordinal)).ToList();
        var diagnostics = wanted.Where(id => !pushable.Contains(id, StringComparer.Ordinal))
            .Select(id => DiagnosticCatalog.MetricNotPushedDown.Create($"Metric '{id}' is not computed in the database: it needs the rows themselves, not sums per slice. It is left out of this gate; evaluate a predictions file to gate it."))
            .ToList();
        if (request.Intervals)
        {
            diagnostics.Add(DiagnosticCatalog.MetricNotPushedDown.Create("Bootstrap intervals are not computed in the database: resampling needs the rows. Metric values are exact; gate significance on a predictions file."));
        }

        var columns = session.Columns(relation);
        var queries = 1;
        foreach (var name in new[] { request.LabelColumn, request.ScoreColumn })
        {
            if (!columns.Any(c => c.Name == name))
            {
                throw Invalid($"Column '{name}' is not in the predictions table {relation} ({string.Join(", ", columns.Select(c => c.Name))}).");
            }
        }

        var query = new SliceQuery(session.Dialect, relation, request, columns);
        var overallRow = session.Query(query.Sql(session.Dialect.Literal("all"), null, checkRows: true)).Single();
        queries++;
        var bad = SqlValue.ToInt64(overallRow[^1]);
        if (bad > 0)
        {
            throw new ModelGatesException(
                [DiagnosticCatalog.PredictionsTableInvalid.Create(string.Create(CultureInfo.InvariantCulture,
                    $"{bad} row(s) of {relation} cannot be scored: {(request.Task == ModelTask.Binary ? "the label must be 0 or 1 and the score a finite number" + (request.ScoreKind == BinaryScoreKind.Probability ? " in [0, 1]" : string.Empty) : "the label and the prediction must be finite numbers")}."))],
                ExitCodes.DataError);
        }

        var overall = query.Row("all", null, overallRow, metrics);
        var slices = new List<SqlSliceMetricsRow>();
        foreach (var definition in request.Slices)
        {
            if (definition.Column is { } column)
            {
                var sqlColumn = columns.FirstOrDefault(c => c.Name == column)
                    ?? throw Invalid($"Slice column '{column}' is not in the predictions table {relation} ({string.Join(", ", columns.Select(c => c.Name))}).");
                var rows = session.Query(query.Sql(SliceKey(session.Dialect, sqlColumn), null, checkRows: false));
                queries++;
                slices.AddRange(rows
                    .Select(r => (Value: r[0] is null ? SliceResolver.MissingValue : Convert.ToString(r[0], CultureInfo.InvariantCulture)!, Row: r))
                    .OrderBy(r => r.Value == SliceResolver.MissingValue ? 1 : 0)
                    .ThenBy(r => r.Value, StringComparer.Ordinal)
                    .Select(r => query.Row($"{column}={r.Value}", definition, r.Row, metrics)));
                continue;
            }

            foreach (var predicate in definition.Predicates)
            {
                var rows = session.Query(query.Sql(session.Dialect.Literal(predicate.Name), $"coalesce(({predicate.Sql}), false)", checkRows: false));
                queries++;
                slices.Add(rows.Count == 0
                    ? new SqlSliceMetricsRow(predicate.Name, definition, 0, new Dictionary<string, MetricValue>())
                    : query.Row(predicate.Name, definition, rows[0], metrics));
            }
        }

        return new SqlSliceResult(overall, slices, diagnostics, queries);
    }

    /// <summary>A column slice's value as text, as a file's slices name it: a whole number without a fraction.</summary>
    private static string SliceKey(ISqlDialect d, SqlColumn column)
    {
        var x = d.Identifier(column.Name);
        return SqlTypeFamilies.Of(column.EngineType) == SqlTypeFamily.Real
            ? $"(CASE WHEN {x} = floor({x}) AND abs({x}) < 1e15 THEN {d.CastText($"CAST({x} AS BIGINT)")} ELSE {d.CastText(x)} END)"
            : d.CastText(x);
    }

    private static ModelGatesException Invalid(string message) =>
        new([DiagnosticCatalog.SliceInvalid.Create(message)], ExitCodes.UsageError);
}
