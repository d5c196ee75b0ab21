namespace ModelGates.Models.Metrics;

/// <summary>The sentences that explain why a metric has no value; shared so outputs stay consistent.</summary>
internal static class UndefinedReasons
{
    public const string OnlyOneClass =
        "only one class is present in the labels; ranking metrics need both positive and negative rows";

    public const string NoPositiveLabels =
        "no row has label 1, so there is no recall to average precision over";

    public const string NoNegativeLabels =
        "no row has label 0, so the false positive rate has no denominator";

    public const string ScoresAreNotProbabilities =
        "the scores are not probabilities (score kind 'score'), so probability metrics do not apply";

    public const string FewerThanTwoRows =
        "R² needs at least two rows";
}
