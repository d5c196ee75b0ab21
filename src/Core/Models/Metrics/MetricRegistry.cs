using System.Globalization;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Metrics;

/// <summary>
/// The one table of metrics: each id (the key used in configuration and JSON) of each task and
/// how to create it from the <see cref="MetricSettings"/> of an evaluation.
/// </summary>
public static class MetricRegistry
{
    /// <summary>The id that stands for the per-class recall family in <see cref="KnownIds"/>.</summary>
    public const string ClassRecallPattern = ClassRecallMetric.IdPrefix + "<class>";

    private static readonly MetricRegistration[] Registrations =
    [
        new(ModelTask.Binary, "auc", _ => new RocAucMetric()),
        new(ModelTask.Binary, "averagePrecision", _ => new AveragePrecisionMetric()),
        new(ModelTask.Binary, "logLoss", _ => new BinaryLogLossMetric()),
        new(ModelTask.Binary, "brier", _ => new BrierScoreMetric()),
        new(ModelTask.Binary, "accuracy", s => new BinaryAccuracyMetric(s.DecisionThreshold)),
        new(ModelTask.Binary, "precision", s => new PrecisionMetric(s.DecisionThreshold)),
        new(ModelTask.Binary, "recall", s => new RecallMetric(s.DecisionThreshold)),
        new(ModelTask.Binary, "f1", s => new F1ScoreMetric(s.DecisionThreshold)),
        new(ModelTask.Binary, "fpr", s => new FalsePositiveRateMetric(s.DecisionThreshold)),
        new(ModelTask.Binary, "positiveRate", s => new PositiveRateMetric(s.DecisionThreshold)),
        new(ModelTask.Binary, "gini", _ => new GiniMetric()),
        new(ModelTask.Binary, "ks", _ => new KsSeparationMetric()),
        new(ModelTask.Binary, LiftMetric.IdPrefix + "0.1", _ => new LiftMetric(0.1)),
        new(ModelTask.Binary, GainMetric.IdPrefix + "0.1", _ => new GainMetric(0.1)),
        new(ModelTask.Binary, ExpectedCalibrationErrorMetric.EqualWidthId, _ => new ExpectedCalibrationErrorMetric()),
        new(ModelTask.Binary, ExpectedCalibrationErrorMetric.EqualFrequencyId, _ => new ExpectedCalibrationErrorMetric(binning: CalibrationBinning.EqualFrequency)),
        new(ModelTask.Binary, "calibrationSlope", _ => new CalibrationSlopeMetric()),
        new(ModelTask.Binary, "calibrationIntercept", _ => new CalibrationInterceptMetric()),
        new(ModelTask.Multiclass, "accuracy", _ => new MulticlassAccuracyMetric()),
        new(ModelTask.Multiclass, "macroF1", _ => new MacroF1Metric()),
        new(ModelTask.Multiclass, "microF1", _ => new MicroF1Metric()),
        new(ModelTask.Multiclass, "logLoss", _ => new MulticlassLogLossMetric()),
        new(ModelTask.Multiclass, "topKAccuracy", s => new TopKAccuracyMetric(s.TopK)),
        new(ModelTask.Multiclass, "macroPrecision", _ => new MacroPrecisionMetric()),
        new(ModelTask.Multiclass, "macroRecall", _ => new MacroRecallMetric()),
        new(ModelTask.Multiclass, "macroAuc", _ => new MacroAucMetric()),
        new(ModelTask.Regression, "rmse", _ => new RmseMetric()),
        new(ModelTask.Regression, "mae", _ => new MaeMetric()),
        new(ModelTask.Regression, "r2", _ => new R2Metric()),
        new(ModelTask.Regression, "mape", _ => new MapeMetric()),
    ];

    /// <summary>
    /// The ids of a task: those every evaluation computes, in table order, then the parameterised
    /// families, each written as a pattern whose parameter is in angle brackets: multiclass
    /// <see cref="ClassRecallPattern"/>, binary <c>lift@&lt;fraction&gt;</c>, <c>gain@&lt;fraction&gt;</c>,
    /// <c>ece@&lt;bins&gt;</c> and <c>eceQuantile@&lt;bins&gt;</c>. An evaluation computes a family member
    /// when a threshold names it.
    /// </summary>
    public static IReadOnlyList<string> KnownIds(ModelTask task)
    {
        var ids = Registrations.Where(r => r.Task == task).Select(r => r.Id).ToList();
        if (task == ModelTask.Multiclass)
        {
            ids.Add(ClassRecallPattern);
        }

        ids.AddRange(MetricFamilies.All.Where(f => f.Task == task).Select(f => f.Pattern));
        return ids;
    }

    /// <summary>True for a pattern of <see cref="KnownIds"/> (it holds a parameter in angle brackets), false for an id.</summary>
    internal static bool IsPattern(string id) => id.Contains('<', StringComparison.Ordinal);

    /// <summary>The part of an id or pattern before its parameter: <c>lift@</c> of <c>lift@0.2</c>, <c>recall.</c> of <c>recall.&lt;class&gt;</c>.</summary>
    internal static string PatternPrefix(string pattern) => pattern[..pattern.IndexOf('<', StringComparison.Ordinal)];

    /// <summary>
    /// Checks an id of a task without creating the metric: null when it is known, otherwise the reason
    /// (a malformed parameter says how to write it; an unknown id returns the empty string).
    /// </summary>
    internal static string? Problem(ModelTask task, string id)
    {
        if (Registrations.Any(r => r.Task == task && string.Equals(r.Id, id, StringComparison.Ordinal)))
        {
            return null;
        }

        if (task == ModelTask.Multiclass && id.StartsWith(ClassRecallMetric.IdPrefix, StringComparison.Ordinal) && id.Length > ClassRecallMetric.IdPrefix.Length)
        {
            return null;
        }

        return MetricFamilies.Find(task, id) is { } family ? family.Problem(id) : string.Empty;
    }

    /// <summary>Creates the metric of a task by id (case-sensitive, as JSON keys are).</summary>
    /// <exception cref="ArgumentException">The id is unknown for the task (the message lists the known ids), or the settings are invalid.</exception>
    public static IMetric Resolve(ModelTask task, string id, MetricSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        settings ??= MetricSettings.Default;
        settings.Validate();
        foreach (var registration in Registrations)
        {
            if (registration.Task == task && string.Equals(registration.Id, id, StringComparison.Ordinal))
            {
                return registration.Create(settings);
            }
        }

        if (task == ModelTask.Multiclass && TryParseClassRecall(id, out var classIndex))
        {
            return new ClassRecallMetric(classIndex);
        }

        if (MetricFamilies.Find(task, id) is { } family)
        {
            return family.Problem(id) is { } problem
                ? throw new ArgumentException(problem, nameof(id))
                : family.Create(id);
        }

        throw new ArgumentException(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Unknown {TaskName(task)} metric '{id}'. Known {TaskName(task)} metrics: {string.Join(", ", KnownIds(task))}."),
            nameof(id));
    }

    /// <summary>Creates a binary metric by id.</summary>
    /// <exception cref="ArgumentException">The id is not a binary metric.</exception>
    public static BinaryMetric ResolveBinary(string id, MetricSettings? settings = null) =>
        (BinaryMetric)Resolve(ModelTask.Binary, id, settings);

    /// <summary>Creates a multiclass metric by id (including <c>recall.&lt;class&gt;</c>).</summary>
    /// <exception cref="ArgumentException">The id is not a multiclass metric.</exception>
    public static MulticlassMetric ResolveMulticlass(string id, MetricSettings? settings = null) =>
        (MulticlassMetric)Resolve(ModelTask.Multiclass, id, settings);

    /// <summary>Creates a regression metric by id.</summary>
    /// <exception cref="ArgumentException">The id is not a regression metric.</exception>
    public static RegressionMetric ResolveRegression(string id) =>
        (RegressionMetric)Resolve(ModelTask.Regression, id);

    /// <summary>Every binary metric an evaluation computes (not the other members of the families), in table order.</summary>
    public static IReadOnlyList<BinaryMetric> AllBinary(MetricSettings? settings = null) =>
        [.. KnownIds(ModelTask.Binary).Where(id => !IsPattern(id)).Select(id => ResolveBinary(id, settings))];

    /// <summary>Every multiclass metric, the per-class recall expanded to <c>recall.0</c>..<c>recall.K-1</c>.</summary>
    public static IReadOnlyList<MulticlassMetric> AllMulticlass(int classCount, MetricSettings? settings = null)
    {
        var metrics = Registrations
            .Where(r => r.Task == ModelTask.Multiclass)
            .Select(r => ResolveMulticlass(r.Id, settings))
            .ToList();
        for (var c = 0; c < classCount; c++)
        {
            metrics.Add(new ClassRecallMetric(c));
        }

        return metrics;
    }

    /// <summary>Every regression metric, in table order.</summary>
    public static IReadOnlyList<RegressionMetric> AllRegression() =>
        [.. KnownIds(ModelTask.Regression).Select(ResolveRegression)];

    private static bool TryParseClassRecall(string id, out int classIndex)
    {
        classIndex = -1;
        if (!id.StartsWith(ClassRecallMetric.IdPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = id.AsSpan(ClassRecallMetric.IdPrefix.Length);

        // Plain decimal digits only, so "recall.01" and "recall.+1" do not alias "recall.1".
        return digits.Length > 0
            && (digits.Length == 1 || digits[0] != '0')
            && digits.IndexOfAnyExceptInRange('0', '9') < 0
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out classIndex);
    }

    private static string TaskName(ModelTask task) => task switch
    {
        ModelTask.Binary => "binary",
        ModelTask.Multiclass => "multiclass",
        _ => "regression",
    };

    private sealed record MetricRegistration(ModelTask Task, string Id, Func<MetricSettings, IMetric> Create);
}
