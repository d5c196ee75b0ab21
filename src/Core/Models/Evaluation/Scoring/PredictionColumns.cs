namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// The columns of a predictions file that hold what a model predicted: a score (binary: of the positive class;
/// regression: the predicted value), one probability column per class (multiclass), or predicted labels only.
/// </summary>
public sealed record PredictionColumns
{
    /// <summary>The score (binary) or predicted value (regression) column.</summary>
    public string? Score { get; init; }

    /// <summary>Multiclass: each class label with its probability column, in class order.</summary>
    public IReadOnlyList<ClassColumn> Probabilities { get; init; } = [];

    /// <summary>The predicted label column, when the file has no scores.</summary>
    public string? Predicted { get; init; }
}

/// <summary>One class of a multiclass predictions file and the column holding its probability.</summary>
/// <param name="Class">The class label, as it appears in the label column.</param>
/// <param name="Column">The probability column.</param>
public sealed record ClassColumn(string Class, string Column);
