using System.Globalization;
using ModelGates.Data;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Metrics;
using ModelGates.Models.Predictions;
using ModelGates.Sql;

namespace ModelGates.Models.Evaluation.Pushdown;

/// <summary>
/// The one aggregate query of a slice group and the metrics from its sums. The sums are those the metric classes
/// compute row by row; the confusion-matrix metrics are the metric classes themselves, given the counts.
/// </summary>
internal sealed class SliceQuery
{
    private readonly ISqlDialect d;
    private readonly string relation;
    private readonly SqlSliceRequest request;
    private readonly string label;
    private readonly string score;

    public SliceQuery(ISqlDialect dialect, string relation, SqlSliceRequest request, IReadOnlyList<SqlColumn> columns)
    {
        d = dialect;
        this.relation = relation;
        this.request = request;
        label = AsDouble(columns.First(c => c.Name == request.LabelColumn));
        score = AsDouble(columns.First(c => c.Name == request.ScoreColumn));
    }

    private bool Binary => request.Task == ModelTask.Binary;

    private bool Needs(string metric) => (request.Metrics ?? MetricRegistry.KnownIds(request.Task)).Contains(metric, StringComparer.Ordinal);

    /// <summary>The query: one row per value of <paramref name="key"/> among the rows where <paramref name="where"/> holds.</summary>
    /// <param name="key">SQL for the slice key (a literal for all rows or a predicate).</param>
    /// <param name="where">A row filter, or null.</param>
    /// <param name="checkRows">Also count the rows the metrics cannot use (the last column).</param>
    public string Sql(string key, string? where, bool checkRows)
    {
        var inner = $"SELECT {key} AS k, {label} AS y, {score} AS s FROM {relation}{(where is null ? string.Empty : $" WHERE {where}")}";
        var aggregates = new List<string> { "count(*)" };
        string windowed;
        if (Binary)
        {
            // Average ranks for ties: the first rank of the tied block plus half the block's length beyond one.
            var rank = Needs("auc") ? "rank() OVER (PARTITION BY k ORDER BY s) + (count(*) OVER (PARTITION BY k, s) - 1) / 2.0" : "NULL";
            windowed = $"SELECT k, y, s, {rank} AS r FROM ({inner}) AS i";
            var threshold = d.Literal(request.Settings.DecisionThreshold);
            var clipped = $"least(greatest(s, {d.Literal(LogLossClipping.Epsilon)}), {d.Literal(1.0 - LogLossClipping.Epsilon)})";
            var total = $"((1 - {clipped}) + {clipped})";
            aggregates.Add("sum(y)");
            aggregates.Add(d.CountWhere($"y = 1 AND s >= {threshold}"));
            aggregates.Add(d.CountWhere($"y = 0 AND s >= {threshold}"));
            aggregates.Add($"sum(CASE WHEN y = 1 THEN -ln({clipped} / {total}) ELSE -ln((1 - {clipped}) / {total}) END)");
            aggregates.Add("sum((y - s) * (y - s))");
            aggregates.Add("sum(CASE WHEN y = 1 THEN r END)");
            if (checkRows)
            {
                var probability = request.ScoreKind == BinaryScoreKind.Probability ? " OR s < 0 OR s > 1" : string.Empty;
                aggregates.Add(d.CountWhere($"y IS NULL OR s IS NULL OR y NOT IN (0, 1) OR NOT {d.IsFinite("s")}{probability}"));
            }
        }
        else
        {
            var deviation = Needs("r2") ? "y - avg(y) OVER (PARTITION BY k)" : "NULL";
            windowed = $"SELECT k, y, s, {deviation} AS r FROM ({inner}) AS i";
            aggregates.Add("sum(abs(y - s))");
            aggregates.Add("sum((y - s) * (y - s))");
            aggregates.Add($"sum(abs(s - y) / greatest(abs(y), {d.Literal(LogLossClipping.Epsilon)}))");
            aggregates.Add("min(y)");
            aggregates.Add("max(y)");
            aggregates.Add("sum(r * r)");
            if (checkRows)
            {
                aggregates.Add(d.CountWhere($"y IS NULL OR s IS NULL OR NOT {d.IsFinite("y")} OR NOT {d.IsFinite("s")}"));
            }
        }

        return $"SELECT k, {string.Join(", ", aggregates)} FROM ({windowed}) AS w GROUP BY k";
    }

    /// <summary>The metrics of one result row of <see cref="Sql"/>.</summary>
    public SqlSliceMetricsRow Row(string name, SliceDefinition? definition, object?[] row, IReadOnlyList<string> metrics)
    {
        var n = SqlValue.ToInt64(row[1]);
        var values = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        foreach (var id in metrics)
        {
            values[id] = Binary ? BinaryMetricValue(id, n, row) : RegressionMetricValue(id, n, row);
        }

        return new SqlSliceMetricsRow(name, definition, n, values);
    }

    private MetricValue BinaryMetricValue(string id, long n, object?[] row)
    {
        var positive = SqlValue.ToDouble(row[2]);
        var negative = n - positive;
        var (tp, fp) = (SqlValue.ToInt64(row[3]), SqlValue.ToInt64(row[4]));
        switch (id)
        {
            case "auc":
                if (positive <= 0 || negative <= 0)
                {
                    return MetricValue.Undefined(UndefinedReasons.OnlyOneClass);
                }

                // Mann–Whitney: the positives' rank sum less its least possible value, over the number of pairs.
                var rankSum = SqlValue.ToDouble(row[7]);
                return MetricValue.Defined((rankSum - (positive * (positive + 1) / 2)) / positive / negative);
            case "logLoss" or "brier" when request.ScoreKind != BinaryScoreKind.Probability:
                return MetricValue.Undefined(UndefinedReasons.ScoresAreNotProbabilities);
            case "logLoss":
                return MetricValue.Defined(SqlValue.ToDouble(row[5]) / n);
            case "brier":
                return MetricValue.Defined(SqlValue.ToDouble(row[6]) / n);
            default:
                var confusion = new BinaryConfusion(tp, fp, negative - fp, positive - tp);
                return ((ThresholdedBinaryMetric)MetricRegistry.ResolveBinary(id, request.Settings)).Compute(confusion);
        }
    }

    private static MetricValue RegressionMetricValue(string id, long n, object?[] row)
    {
        var residual = SqlValue.ToDouble(row[3]);
        switch (id)
        {
            case "mae":
                return MetricValue.Defined(SqlValue.ToDouble(row[2]) / n);
            case "rmse":
                return MetricValue.Defined(Math.Sqrt(residual / n));
            case "mape":
                return MetricValue.Defined(SqlValue.ToDouble(row[4]) / n);
            default:
                if (n < 2)
                {
                    return MetricValue.Undefined(UndefinedReasons.FewerThanTwoRows);
                }

                // Constant labels are told exactly (min = max), as the file path does, not from a tiny sum.
                var total = SqlValue.ToDouble(row[5]) == SqlValue.ToDouble(row[6]) ? 0.0 : SqlValue.ToDouble(row[7]);
                return MetricValue.Defined(total == 0.0 ? (residual == 0.0 ? 1.0 : 0.0) : residual == 0.0 ? 1.0 : 1.0 - (residual / total));
        }
    }

    private string AsDouble(SqlColumn column)
    {
        var x = d.Identifier(column.Name);
        return SqlTypeFamilies.Of(column.EngineType) == SqlTypeFamily.Boolean
            ? $"(CASE WHEN {x} THEN {d.Literal(1.0)} WHEN NOT {x} THEN {d.Literal(0.0)} END)"
            : d.CastDouble(x);
    }
}
