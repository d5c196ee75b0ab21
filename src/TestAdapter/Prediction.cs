using System.Globalization;
using ModelGates.Models.Evaluation.Scoring;

namespace ModelGates.Xunit;

/// <summary>What behavioural tests compare per row: one number (a probability, a score, a value) or a class distribution.</summary>
internal static class Prediction
{
    /// <summary>One number per row; multiclass needs the class whose probability is meant.</summary>
    public static double[] Of(ModelScores scores, string? ofClass)
    {
        if (scores.BinaryScores is { } binary)
        {
            return binary;
        }

        if (scores.Values is { } values)
        {
            return values;
        }

        if (ofClass is null)
        {
            throw new ArgumentException($"A multiclass model predicts one probability per class ({string.Join(", ", scores.ClassNames)}); name the class whose probability is compared.", nameof(ofClass));
        }

        var c = ClassIndex(scores, ofClass);
        var p = scores.Probabilities!;
        return [.. Enumerable.Range(0, p.GetLength(0)).Select(i => p[i, c])];
    }

    /// <summary>Every row's prediction as a vector: one number, or every class's probability.</summary>
    public static double[][] Vectors(ModelScores scores, string? ofClass)
    {
        if (scores.Probabilities is not { } p || ofClass is not null)
        {
            return [.. Of(scores, ofClass).Select(v => new[] { v })];
        }

        var classes = p.GetLength(1);
        return [.. Enumerable.Range(0, p.GetLength(0)).Select(i => Enumerable.Range(0, classes).Select(c => p[i, c]).ToArray())];
    }

    /// <summary>A vector's largest absolute change (NaN when a prediction is NaN) and the index of the element that changed most.</summary>
    public static (double Change, int Index) Change(double[] before, double[] after)
    {
        var largest = 0.0;
        var index = 0;
        for (var i = 0; i < before.Length; i++)
        {
            var d = after[i] - before[i];
            if (double.IsNaN(d))
            {
                return (d, i);
            }

            if (Math.Abs(d) > Math.Abs(largest))
            {
                largest = d;
                index = i;
            }
        }

        return (largest, index);
    }

    /// <summary>A prediction for a table: the number, or the likeliest class and its probability (NaN when the row could not be scored).</summary>
    public static string Show(double[] vector, IReadOnlyList<string> classNames)
    {
        if (vector.Length == 1)
        {
            return Number(vector[0]);
        }

        var best = Likeliest(vector);
        return best < 0 ? "NaN" : $"{classNames[best]} {Number(vector[best])}";
    }

    /// <summary>The index of the likeliest class (the first of a tie), or −1 when a probability is NaN.</summary>
    public static int Likeliest(IReadOnlyList<double> probabilities)
    {
        var best = 0;
        for (var c = 0; c < probabilities.Count; c++)
        {
            if (double.IsNaN(probabilities[c]))
            {
                return -1;
            }

            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return best;
    }

    public static int ClassIndex(ModelScores scores, string className)
    {
        for (var c = 0; c < scores.ClassNames.Count; c++)
        {
            if (string.Equals(scores.ClassNames[c], className, StringComparison.Ordinal))
            {
                return c;
            }
        }

        throw new ArgumentException($"The model has no class '{className}' (classes: {string.Join(", ", scores.ClassNames)}).", nameof(className));
    }

    public static string Number(double value) => double.IsNaN(value) ? "NaN" : Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Signed(double value) => double.IsNaN(value) ? "NaN" : (value >= 0 ? "+" : "−") + Number(Math.Abs(value));
}
