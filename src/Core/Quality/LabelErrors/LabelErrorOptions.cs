using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.LabelErrors;

/// <summary>The settings of the label-error check (docs/quality-label-errors.md).</summary>
internal sealed record LabelErrorOptions
{
    /// <summary>The label column.</summary>
    public required string Label { get; init; }

    /// <summary>The feature columns the out-of-fold model reads; null for every column but the label and the keys.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Key columns: left out of the features, and what a predictions file's rows are matched on.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>The number of cross-validation folds (K), at least 2.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>The seed of the fold assignment and of the trainer.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The trainer of the out-of-fold model.</summary>
    public LabelErrorTrainer Trainer { get; init; } = LabelErrorTrainer.LightGbm;

    /// <summary>The severity of a finding whose flagged share exceeds <see cref="MaxShare"/>; below it the finding is info.</summary>
    public Severity Severity { get; init; } = Severity.Warning;

    /// <summary>The flagged share tolerated before the finding takes <see cref="Severity"/>; 0 warns on any flagged row.</summary>
    public double MaxShare { get; init; }

    /// <summary>How many flagged rows the finding lists, most suspicious first.</summary>
    public int MaxRows { get; init; } = 100;

    /// <summary>Throws MG2157 (exit code 2) for an option out of range.</summary>
    public void Validate()
    {
        Require(Folds >= 2, $"folds must be at least 2 (got {Folds}).");
        Require(MaxShare is >= 0 and <= 1, string.Create(CultureInfo.InvariantCulture, $"maxShare must lie in [0, 1] (got {MaxShare})."));
        Require(MaxRows >= 0, $"maxRows must not be negative (got {MaxRows}).");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ConfigurationException(DiagnosticCatalog.QualityOptionInvalid.Create(message));
        }
    }
}
