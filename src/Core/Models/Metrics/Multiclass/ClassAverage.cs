namespace ModelGates.Models.Metrics;

/// <summary>
/// scikit-learn's <c>average="macro"</c> without <c>labels</c>: the plain mean of a per-class value over the classes
/// present in the labels or the predictions, shared by <c>macroPrecision</c>, <c>macroRecall</c> and <c>macroF1</c> so
/// the three agree on which classes count.
/// </summary>
internal static class ClassAverage
{
    /// <summary>
    /// The mean of <paramref name="perClass"/>(true positives, predicted weight, actual weight) over the classes with
    /// weight as a label or as a prediction; a class with neither is left out, not counted as 0.
    /// </summary>
    public static double Macro(WeightedMulticlassRows rows, Func<double, double, double, double> perClass)
    {
        var k = rows.ClassCount;
        double sum = 0;
        var present = 0;
        for (var c = 0; c < k; c++)
        {
            var actual = rows.TrueWeight(c);
            var predicted = rows.PredictedWeight(c);
            if (actual <= 0.0 && predicted <= 0.0)
            {
                continue;
            }

            sum += perClass(rows.Confusion[(c * k) + c], predicted, actual);
            present++;
        }

        return sum / present;
    }
}
