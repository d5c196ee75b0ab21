using System.Globalization;
using ModelGates.Configuration.Options;
using ModelGates.Diagnostics;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Options;

/// <summary>
/// Every evaluation setting, in documentation order (docs/evaluate.md#options). Adding one is an entry here and its
/// property on <see cref="EvaluationOptions"/>: the model gate reader, <c>modelgates evaluate</c> and
/// <c>ModelAssert</c> read and check it through this table.
/// </summary>
public static class ModelOptionTable
{
    /// <summary>The group of the bootstrap settings in a model gate.</summary>
    internal const string BootstrapGroup = "bootstrap";

    /// <summary>Every option.</summary>
    public static IReadOnlyList<ModelOption> All { get; } =
    [
        new()
        {
            Key = "positiveClass", PropertyPath = "PositiveClass", Type = OptionType.Label, ValueHint = "<value>", Default = "true or 1",
            Help = "the label value of the positive class; the score is its probability", Tasks = [ModelTask.Binary],
            Get = o => o.PositiveClass, Set = (o, v) => o with { PositiveClass = (string)v },
        },
        new()
        {
            Key = "decisionThreshold", PropertyPath = "Metrics.DecisionThreshold", Type = OptionType.Number, ValueHint = "<t>", Default = "0.5",
            Help = "a row is predicted positive when its score is at least the threshold", Tasks = [ModelTask.Binary],
            Get = o => o.Metrics.DecisionThreshold, Set = (o, v) => o with { Metrics = o.Metrics with { DecisionThreshold = (double)v } },
            Check = v => double.IsFinite((double)v) ? null : $"must be a finite number, not {Scalar.Format((double)v)}",
        },
        new()
        {
            Key = "topK", PropertyPath = "Metrics.TopK", Type = OptionType.WholeNumber, ValueHint = "<k>", Default = "2",
            Help = "k of topKAccuracy", Tasks = [ModelTask.Multiclass],
            Get = o => o.Metrics.TopK, Set = (o, v) => o with { Metrics = o.Metrics with { TopK = ToInt(v) } },
            Check = v => Between(v, 1, int.MaxValue),
        },
        new()
        {
            Key = "minSliceRows", PropertyPath = "MinSliceRows", Type = OptionType.WholeNumber, ValueHint = "<n>", Default = "30",
            Help = "slices with fewer rows are reported but not gated",
            Get = o => o.MinSliceRows, Set = (o, v) => o with { MinSliceRows = ToInt(v) },
            Check = v => Between(v, 1, int.MaxValue),
        },
        new()
        {
            Key = "requireSignificantRegression", PropertyPath = "RequireSignificantRegression", Type = OptionType.Flag, ValueHint = string.Empty, Default = "false",
            Help = "a change threshold (maxDrop, maxRelativeDrop) fails only when the bootstrap shows the regression is real",
            Get = o => o.RequireSignificantRegression, Set = (o, v) => o with { RequireSignificantRegression = (bool)v },
        },
        new()
        {
            Key = "resamples", Group = BootstrapGroup, PropertyPath = "Bootstrap.Resamples", Type = OptionType.WholeNumber, ValueHint = "<n>", Default = "1000",
            Help = "bootstrap resamples of every interval and of the paired comparison",
            Get = o => o.Bootstrap.Resamples, Set = (o, v) => o with { Bootstrap = o.Bootstrap with { Resamples = ToInt(v) } },
            Check = v => Between(v, 10, 1_000_000),
        },
        new()
        {
            Key = "confidence", Group = BootstrapGroup, PropertyPath = "Bootstrap.Confidence", Type = OptionType.Number, ValueHint = "<c>", Default = "0.95",
            Help = "the confidence of the intervals; a regression is significant at p ≤ 1 − confidence",
            Get = o => o.Bootstrap.Confidence, Set = (o, v) => o with { Bootstrap = o.Bootstrap with { Confidence = (double)v } },
            Check = v => (double)v is > 0 and < 1 ? null : $"must lie strictly between 0 and 1 (0.95 for 95 % intervals), not {Scalar.Format((double)v)}",
        },
        new()
        {
            Key = "seed", Group = BootstrapGroup, PropertyPath = "Bootstrap.Seed", Type = OptionType.WholeNumber, ValueHint = "<n>", Default = "0", Minimum = 0,
            Help = "the seed of the bootstrap; the same seed gives the same bytes",
            Get = o => o.Bootstrap.Seed, Set = (o, v) => o with { Bootstrap = o.Bootstrap with { Seed = (ulong)(long)v } },
        },
    ];

    /// <summary>The keys a model gate accepts for its options, outside any group.</summary>
    internal static IReadOnlyList<string> GateKeys { get; } = [.. All.Where(o => o.Group is null).Select(o => o.Key)];

    /// <summary>The keys of the <c>bootstrap</c> object of a model gate.</summary>
    internal static IReadOnlyList<string> BootstrapKeys { get; } = [.. All.Where(o => o.Group == BootstrapGroup).Select(o => o.Key)];

    /// <summary>How a message names <paramref name="option"/> where it was written.</summary>
    internal static string NameOf(ModelOption option, OptionFrontEnd frontEnd)
    {
        ArgumentNullException.ThrowIfNull(option);
        return frontEnd switch
        {
            OptionFrontEnd.CommandLine => $"--{option.CliName}",
            OptionFrontEnd.Json => $"'{option.Key}'",
            _ => option.PropertyPath,
        };
    }

    /// <summary>Every value of <paramref name="options"/> that fails its check (MG0015), naming the option as it was written.</summary>
    public static IReadOnlyList<(ModelOption Option, Diagnostic Diagnostic)> Check(EvaluationOptions options, OptionFrontEnd frontEnd)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<(ModelOption, Diagnostic)>();
        foreach (var option in All.Where(o => o.Check is not null))
        {
            if (option.Get(options) is { } value && option.Check!(value) is { } failed)
            {
                problems.Add((option, DiagnosticCatalog.InvalidValue.Create($"{NameOf(option, frontEnd)} {failed}.")));
            }
        }

        return problems;
    }

    /// <summary>The message when <paramref name="option"/> is given for a task it does not apply to.</summary>
    internal static string NotForTask(ModelOption option, ModelTask task, OptionFrontEnd frontEnd)
    {
        ArgumentNullException.ThrowIfNull(option);
        return $"{NameOf(option, frontEnd)} applies to {string.Join(" and ", option.Tasks.Select(TaskText.ToText))} tasks, not {TaskText.ToText(task)}.";
    }

    /// <summary>
    /// Reads the options of <c>modelgates evaluate</c> (<c>--&lt;cli-name&gt; value</c>, the last one counts; a flag by
    /// its presence) for <paramref name="task"/>, then checks them.
    /// </summary>
    /// <param name="values">Every value given for an option name (without dashes), in order; empty when not given.</param>
    /// <param name="task">The task evaluated.</param>
    /// <exception cref="ConfigurationException">MG0004 for a value of the wrong shape; MG0015 for a value out of range or an option of another task.</exception>
    public static EvaluationOptions FromCommandLine(Func<string, IReadOnlyList<string>> values, ModelTask task)
    {
        ArgumentNullException.ThrowIfNull(values);
        var options = EvaluationOptions.Default;
        var problems = new List<Diagnostic>();
        foreach (var option in All)
        {
            if (values(option.CliName) is not { Count: > 0 } given)
            {
                continue;
            }

            if (!option.AppliesTo(task))
            {
                problems.Add(DiagnosticCatalog.InvalidValue.Create(NotForTask(option, task, OptionFrontEnd.CommandLine)));
                continue;
            }

            if (!OptionValues.TryReadText(option.Type, [], option.Minimum, given[^1], out var value))
            {
                throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"--{option.CliName} must be {option.Expected}, not '{given[^1]}'."));
            }

            options = option.Set(options, value!);
        }

        problems.AddRange(Check(options, OptionFrontEnd.CommandLine).Select(p => p.Diagnostic));
        return problems.Count == 0 ? options : throw new ConfigurationException(problems);
    }

    private static int ToInt(object value) => (int)Math.Clamp((long)value, int.MinValue, int.MaxValue);

    private static string? Between(object value, long minimum, long maximum)
    {
        var v = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return v >= minimum && v <= maximum
            ? null
            : maximum == int.MaxValue
                ? FormattableString.Invariant($"must be at least {minimum}, not {v}")
                : FormattableString.Invariant($"must be between {minimum} and {maximum}, not {v}");
    }
}
