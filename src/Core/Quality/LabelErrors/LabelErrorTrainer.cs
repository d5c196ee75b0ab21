using ModelGates.Diagnostics;

namespace ModelGates.Quality.LabelErrors;

/// <summary>The ML.NET trainer behind the out-of-fold probabilities of the label-error check.</summary>
internal enum LabelErrorTrainer
{
    /// <summary>LightGBM gradient-boosted trees (binary or multiclass): the default.</summary>
    LightGbm,

    /// <summary>FastTree gradient-boosted trees.</summary>
    FastTree,

    /// <summary>L-BFGS logistic regression.</summary>
    LbfgsLogisticRegression,

    /// <summary>L-BFGS maximum entropy (multinomial logistic regression; binary or multiclass).</summary>
    LbfgsMaximumEntropy,

    /// <summary>SDCA maximum entropy (binary or multiclass).</summary>
    SdcaMaximumEntropy,
}

/// <summary>The names of <see cref="LabelErrorTrainer"/> as written in options: lightGbm, fastTree, ...</summary>
internal static class LabelErrorTrainerText
{
    private static readonly (LabelErrorTrainer Trainer, string Name)[] Names =
    [
        (LabelErrorTrainer.LightGbm, "lightGbm"),
        (LabelErrorTrainer.FastTree, "fastTree"),
        (LabelErrorTrainer.LbfgsLogisticRegression, "lbfgsLogisticRegression"),
        (LabelErrorTrainer.LbfgsMaximumEntropy, "lbfgsMaximumEntropy"),
        (LabelErrorTrainer.SdcaMaximumEntropy, "sdcaMaximumEntropy"),
    ];

    /// <summary>The option name of a trainer.</summary>
    public static string ToText(this LabelErrorTrainer trainer) => Names.First(n => n.Trainer == trainer).Name;

    /// <summary>Parses an option name (case-insensitive), or MG2157 listing the names (exit code 2).</summary>
    public static LabelErrorTrainer Parse(string text) =>
        Names.FirstOrDefault(n => string.Equals(n.Name, text, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found
            ? found.Trainer
            : throw new ConfigurationException(DiagnosticCatalog.QualityOptionInvalid.Create(
                $"Unknown trainer '{text}'; expected {string.Join(", ", Names.Take(Names.Length - 1).Select(n => n.Name))} or {Names[^1].Name}."));
}
