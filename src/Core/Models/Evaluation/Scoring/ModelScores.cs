using ModelGates.Models.Predictions;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>What a model (or a predictions file) predicted for each evaluation row, before labels are attached.</summary>
public sealed record ModelScores
{
    /// <summary>Binary: the score of the positive class per row; null for other tasks.</summary>
    public double[]? BinaryScores { get; init; }

    /// <summary>Binary: whether <see cref="BinaryScores"/> are probabilities or free scores.</summary>
    public BinaryScoreKind ScoreKind { get; init; } = BinaryScoreKind.Probability;

    /// <summary>Multiclass: the n×K class probabilities (NaN in every class for a row the model cannot score, e.g. a missing numeric input); null for other tasks.</summary>
    public double[,]? Probabilities { get; init; }

    /// <summary>Multiclass: the class label of each probability column, in column order.</summary>
    public IReadOnlyList<string> ClassNames { get; init; } = [];

    /// <summary>Regression: the predicted value per row; null for other tasks.</summary>
    public double[]? Values { get; init; }

    /// <summary>Which output or column the scores came from (<c>Probability</c>, <c>Score</c>, <c>p_bad</c>).</summary>
    public required string Source { get; init; }

    /// <summary>A remark worth reporting with the results (an uncalibrated model scored by its raw Score), or null.</summary>
    public string? Note { get; init; }

    /// <summary>The number of rows scored.</summary>
    public int Count => BinaryScores?.Length ?? Values?.Length ?? Probabilities?.GetLength(0) ?? 0;
}
