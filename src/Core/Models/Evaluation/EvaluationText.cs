using System.Globalization;

namespace ModelGates.Models.Evaluation;

/// <summary>The human summary of an evaluation: every metric with its interval, every slice, every threshold.</summary>
public static class EvaluationText
{
    /// <summary>Writes the summary.</summary>
    public static void Write(TextWriter o, EvaluationResult result, EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Evaluated {(request.ModelPath is null ? "predictions" : $"model {request.ModelPath}")} on {request.DataName} ({result.Rows:N0} rows, {TaskText.ToText(result.Task)}, scores from {result.ScoreSource})."));
        foreach (var note in result.Notes)
        {
            o.WriteLine("note: " + note);
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"metric",-20} {"value",10}  {request.Bootstrap.Confidence:P0} interval ({request.Bootstrap.Resamples} resamples, seed {request.Bootstrap.Seed})"));
        foreach (var metric in result.Metrics)
        {
            var value = metric.Estimate.Value is { } v ? F(v) : "undefined";
            var interval = metric.Lower is { } lo && metric.Upper is { } hi ? $"[{F(lo)}, {F(hi)}]" : string.Empty;
            o.WriteLine($"{metric.MetricId,-20} {value,10}  {interval}");
        }

        foreach (var slice in result.Slices)
        {
            var values = string.Join(", ", slice.Metrics.Where(m => m.Value.IsDefined).Take(6).Select(m => $"{m.Key} {F(m.Value.Value!.Value)}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slice {slice.Name}: {slice.Rows} rows{(slice.Gated ? string.Empty : " (not gated)")}: {values}"));
        }

        foreach (var outcome in result.Outcomes)
        {
            o.WriteLine($"{EvaluationJson.StatusText(outcome.Status),-12} {outcome.Message}");
        }

        o.WriteLine();
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
