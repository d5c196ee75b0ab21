using ModelGates.Configuration.Options;
using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Options;

/// <summary>
/// One evaluation setting, named one way everywhere: <see cref="Key"/> in a model gate of modelgates.json (inside
/// <see cref="Group"/> when it has one), <see cref="CliName"/> on <c>modelgates evaluate</c>, <see cref="PropertyPath"/>
/// on <see cref="EvaluationOptions"/> and <c>EvaluationData</c>. <see cref="ModelOptionTable"/> holds every one.
/// </summary>
public sealed class ModelOption
{
    internal ModelOption()
    {
    }

    /// <summary>The camelCase key (<c>decisionThreshold</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The object of a model gate the key sits in (<c>bootstrap</c>), or null for the gate itself.</summary>
    internal string? Group { get; init; }

    /// <summary>The command-line option without dashes: the key kebab-cased (<c>decision-threshold</c>).</summary>
    public string CliName => OptionNames.Kebab(Key);

    /// <summary>The C# property path on <see cref="EvaluationOptions"/> (<c>Metrics.DecisionThreshold</c>); its last part is the key PascalCased.</summary>
    public required string PropertyPath { get; init; }

    /// <summary>What the value is.</summary>
    public required OptionType Type { get; init; }

    /// <summary>The shape of the value in help (<c>&lt;t&gt;</c>).</summary>
    public required string ValueHint { get; init; }

    /// <summary>The default, as documented.</summary>
    public required string Default { get; init; }

    /// <summary>What it means.</summary>
    public required string Help { get; init; }

    /// <summary>The tasks it applies to; empty for every task.</summary>
    public IReadOnlyList<ModelTask> Tasks { get; init; } = [];

    /// <summary>The smallest whole number the value may be written as (seed: 0).</summary>
    internal long Minimum { get; init; } = long.MinValue;

    internal Func<EvaluationOptions, object?> Get { get; init; } = _ => null;

    internal Func<EvaluationOptions, object, EvaluationOptions> Set { get; init; } = (o, _) => o;

    /// <summary>The range check; null when the value passes, otherwise the message after the option's name.</summary>
    internal Func<object, string?>? Check { get; init; }

    /// <summary>What a value looks like, for messages.</summary>
    internal string Expected => OptionValues.Expected(Type, [], Minimum);

    /// <summary>True when the option applies to <paramref name="task"/>.</summary>
    internal bool AppliesTo(ModelTask task) => Tasks.Count == 0 || Tasks.Contains(task);

    /// <inheritdoc />
    public override string ToString() => Group is null ? Key : $"{Group}.{Key}";
}
