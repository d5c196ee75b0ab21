using ModelGates.Configuration.Options;

namespace ModelGates.Drift.Engine.Options;

/// <summary>
/// One setting of a drift comparison, named one way everywhere: <see cref="Key"/> in modelgates.json (and in a
/// column's override), <see cref="CliName"/> on the command line (<see cref="ColumnCliName"/> for one column),
/// <see cref="PropertyName"/> on <see cref="DriftOptions"/> and <see cref="ColumnDriftOverride"/>.
/// <see cref="DriftOptionTable"/> holds every one; the config reader, <c>modelgates drift</c> and
/// <see cref="DriftOptions.Validate"/> read and check values through it.
/// </summary>
public sealed class DriftOption
{
    internal DriftOption()
    {
    }

    /// <summary>The camelCase key in modelgates.json (<c>effectThreshold</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The command-line option without dashes: the key kebab-cased (<c>effect-threshold</c>).</summary>
    public string CliName => OptionNames.Kebab(Key);

    /// <summary>The command-line option that sets it for one column (<c>column-effect-threshold</c>, value <c>&lt;column&gt;=&lt;value&gt;</c>).</summary>
    public string ColumnCliName => "column-" + CliName;

    /// <summary>The C# property: the key PascalCased (<c>EffectThreshold</c>).</summary>
    internal string PropertyName => OptionNames.Pascal(Key);

    /// <summary>What the value is.</summary>
    public required OptionType Type { get; init; }

    /// <summary>The allowed words of a <see cref="OptionType.Choice"/> option.</summary>
    internal IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The shape of the value in help (<c>&lt;x&gt;</c>, <c>effect|lower-bound|test</c>).</summary>
    public required string ValueHint { get; init; }

    /// <summary>The default, as documented.</summary>
    public required string Default { get; init; }

    /// <summary>What it means for the whole comparison; null when it is set per column only.</summary>
    public string? Help { get; init; }

    /// <summary>What it means for one column; null when it applies to the whole comparison only.</summary>
    public string? ColumnHelp { get; init; }

    /// <summary>Old keys that modelgates.json still accepts for it, with a warning (MG0022).</summary>
    internal IReadOnlyList<string> DeprecatedKeys { get; init; } = [];

    /// <summary>True when the option applies to the whole comparison.</summary>
    public bool ForComparison => Set is not null;

    /// <summary>True when the option can be set per column.</summary>
    public bool ForColumn => SetColumn is not null;

    /// <summary>The smallest whole number the value may be written as (seed: 0).</summary>
    internal long Minimum { get; init; } = long.MinValue;

    internal Func<DriftOptions, object?>? Get { get; init; }

    internal Func<DriftOptions, object, DriftOptions>? Set { get; init; }

    internal Func<ColumnDriftOverride, object?>? GetColumn { get; init; }

    internal Func<ColumnDriftOverride, object, ColumnDriftOverride>? SetColumn { get; init; }

    /// <summary>The range check of a value, given the test it is judged with (a threshold is in its test's units) and the column (null: every column); null when it passes.</summary>
    internal Func<object, string, string?, DriftOptionCheck?>? Check { get; init; }

    /// <summary>What a value looks like, for messages (<c>a number</c>, <c>one of none, bonferroni, holm, bh</c>).</summary>
    internal string Expected => OptionValues.Expected(Type, Choices, Minimum);

    /// <inheritdoc />
    public override string ToString() => Key;
}

/// <summary>Why a value fails its option's check: the code, and the message after the option's name (or, when <paramref name="Complete"/>, the whole message).</summary>
/// <param name="Descriptor">MG0034, or MG0030 for an unknown test.</param>
/// <param name="Message">For example <c>must be above 0 and below 1, not 2</c>.</param>
/// <param name="Complete">True when the message names the value itself and needs no option name.</param>
internal sealed record DriftOptionCheck(Diagnostics.DiagnosticDescriptor Descriptor, string Message, bool Complete = false);
