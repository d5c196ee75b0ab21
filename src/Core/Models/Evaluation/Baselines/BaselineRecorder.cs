using System.Globalization;
using System.Reflection;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Baselines;

/// <summary>Turns an evaluation into the baseline to commit, and describes what accepting it changes.</summary>
internal static class BaselineRecorder
{
    /// <summary>The engine's version, recorded in baselines (the informational version of ModelGates.Core).</summary>
    public static string EngineVersion { get; } =
        typeof(BaselineRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The baseline of <paramref name="result"/>, with paths relative to <paramref name="baselinePath"/>'s folder.</summary>
    public static BaselineMetrics Record(EvaluationResult result, EvaluationRequest request, string baselinePath, string scoredPath, string dataSha256)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var folder = Path.GetDirectoryName(Path.GetFullPath(baselinePath))!;
        var dataPath = request.Data.Files.Count == 1 ? request.Data.Files[0].Path : request.Data.Source.Path;
        return new BaselineMetrics
        {
            Task = result.Task,
            ToolVersion = EngineVersion,
            Scored = new BaselineFile(request.ModelPath is null ? "predictions" : "model", Relative(folder, scoredPath), Sha256(scoredPath)),
            Data = new BaselineFile("data", Relative(folder, dataPath), dataSha256),
            Rows = result.Rows,
            Settings = new BaselineSettings(
                request.Task == ModelTask.Binary ? request.PositiveClass : null,
                request.Metrics.DecisionThreshold,
                request.Metrics.TopK,
                request.Bootstrap.Resamples,
                request.Bootstrap.Confidence,
                request.Bootstrap.Seed),
            Metrics = [.. result.Metrics.Select(m => new BaselineMetric(m.MetricId, m.Estimate.Value, m.Lower, m.Upper))],
        };
    }

    /// <summary>The importances to store in a baseline, most important first.</summary>
    public static BaselineImportances Importances(Importance.ImportanceResult measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        return new BaselineImportances(
            measured.Metric,
            measured.Options.Repeats,
            measured.Options.Seed,
            [.. measured.Features.Select(f => new BaselineImportance(f.Column, double.IsFinite(f.Importance) ? f.Importance : null, f.Lower, f.Upper))]);
    }

    /// <summary>One line per metric, <c>auc: 0.81 -> 0.83</c> (<c>none</c> where a side has no value).</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyList<KeyValuePair<string, double?>> before, IReadOnlyList<KeyValuePair<string, double?>> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var lines = after.Select(p => $"{p.Key}: {Format(old.GetValueOrDefault(p.Key))} -> {Format(p.Value)}").ToList();
        lines.AddRange(before.Where(p => !after.Any(a => a.Key == p.Key)).Select(p => $"{p.Key}: {Format(p.Value)} -> none"));
        return lines;
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "none";

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
