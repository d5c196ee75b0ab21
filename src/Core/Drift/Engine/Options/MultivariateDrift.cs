namespace ModelGates.Drift.Engine.Options;

/// <summary>Which dataset-level (multivariate) drift checks run when both sides have rows (docs/drift.md#multivariate-drift).</summary>
public enum MultivariateDrift
{
    /// <summary>The domain classifier and the PCA reconstruction error (the default).</summary>
    Both,

    /// <summary>Only the domain classifier.</summary>
    DomainClassifier,

    /// <summary>Only the PCA reconstruction error.</summary>
    Reconstruction,

    /// <summary>Neither: the columns are judged one by one only.</summary>
    Off,
}

/// <summary>Text forms of <see cref="MultivariateDrift"/>, as written on the command line and in JSON.</summary>
internal static class MultivariateDriftText
{
    /// <summary>Every text form, in documentation order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["both", "domainClassifier", "reconstruction", "off"];

    /// <summary>The text form.</summary>
    public static string ToText(this MultivariateDrift value) => Names[(int)value];

    /// <summary>Parses a text form written by <see cref="ToText"/>.</summary>
    public static bool TryParse(string? text, out MultivariateDrift value)
    {
        var index = Names.ToList().IndexOf(text ?? string.Empty);
        value = index < 0 ? MultivariateDrift.Both : (MultivariateDrift)index;
        return index >= 0;
    }

    /// <summary>True when <paramref name="value"/> runs the domain classifier.</summary>
    public static bool RunsClassifier(this MultivariateDrift value) => value is MultivariateDrift.Both or MultivariateDrift.DomainClassifier;

    /// <summary>True when <paramref name="value"/> runs the reconstruction check.</summary>
    public static bool RunsReconstruction(this MultivariateDrift value) => value is MultivariateDrift.Both or MultivariateDrift.Reconstruction;
}
