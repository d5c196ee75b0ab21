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

    /// <summary>A vector's largest absolute change.</summary>
    public static double Change(double[] before, double[] after)
    {
        var largest = 0.0;
        for (var i = 0; i < before.Length; i++)
        {
            var d = after[i] - before[i];
            if (Math.Abs(d) > Math.Abs(largest) || double.IsNaN(d))
            {
                largest = d;
            }
        }

        return largest;
    }

    /// <summary>A prediction for a table: the number, or the likeliest class and its probability.</summary>
    public static string Show(double[] vector, IReadOnlyList<string> classNames)
    {
        if (vector.Length == 1)
        {
            return Number(vector[0]);
        }

        var best = 0;
        for (var c = 1; c < vector.Length; c++)
        {
            if (vector[c] > vector[best])
            {
                best = c;
            }
        }

        return $"{classNames[best]} {Number(vector[best])}";
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
