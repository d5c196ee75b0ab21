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

    public const string NoPositivesToCapture =
        "no row has label 1, so there are no positives for the top rows to capture";

    public const string ScoresSeparateClasses =
        "the scores separate the classes completely, so the logistic recalibration has no finite fit";

    public const string ConstantLogits =
        "every row has the same logit of its probability (after clipping to [2^-52, 1 − 2^-52]), so a slope cannot be fitted";

    public const string RecalibrationDidNotConverge =
        "the logistic recalibration did not converge";
}
