namespace ModelGates.Models.Predictions;

/// <summary>The kind of prediction a model makes, which decides the metrics that apply to it.</summary>
public enum ModelTask
{
    /// <summary>Two classes, labelled 0 and 1, with a score for class 1.</summary>
    Binary,

    /// <summary>K classes, labelled 0..K-1, with one probability per class.</summary>
    Multiclass,

    /// <summary>A real-valued target.</summary>
    Regression,
}
