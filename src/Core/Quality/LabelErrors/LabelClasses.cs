using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Quality.Features;

namespace ModelGates.Quality.LabelErrors;

/// <summary>A label column as class indices: the classes sorted by ordinal text, each row's class 0 to K-1.</summary>
internal sealed class LabelClasses
{
    private LabelClasses(IReadOnlyList<string> classes, int[] indices)
    {
        Classes = classes;
        Indices = indices;
    }

    /// <summary>The class names, in ordinal order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Each row's class.</summary>
    public int[] Indices { get; }

    /// <summary>Rows per class.</summary>
    public int[] Counts()
    {
        var counts = new int[Classes.Count];
        foreach (var i in Indices)
        {
            counts[i]++;
        }

        return counts;
    }

    /// <summary>Encodes a label column; MG2153 (exit code 3) for a missing label or fewer than two classes.</summary>
    public static LabelClasses Of(FeatureColumn label, string? source)
    {
        var text = new string[label.Length];
        for (var i = 0; i < label.Length; i++)
        {
            var missing = label.Numbers is { } numbers ? double.IsNaN(numbers[i]) : label.Categories![i] is null;
            if (missing)
            {
                throw Unusable($"The label '{label.Name}' is missing on data row {i + 1}; every row needs a label to be checked for label errors.", label.Name, source);
            }

            text[i] = label.Display(i);
        }

        var classes = text.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
        {
            throw Unusable(
                classes.Length == 0
                    ? $"The label '{label.Name}' has no rows; label errors need at least two classes."
                    : $"The label '{label.Name}' has one class ('{classes[0]}'); label errors need at least two classes.",
                label.Name, source);
        }

        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        return new LabelClasses(classes, [.. text.Select(t => index[t])]);
    }

    /// <summary>MG2152 (exit code 3) unless every class has at least <paramref name="folds"/> rows.</summary>
    public void RequireFolds(int folds, string label, string? source)
    {
        var counts = Counts();
        if (Indices.Length < folds)
        {
            throw TooFew($"The data has {Indices.Length} rows, fewer than the {folds} folds.", label, source);
        }

        for (var c = 0; c < Classes.Count; c++)
        {
            if (counts[c] < folds)
            {
                throw TooFew($"The label '{label}' has {counts[c]} row{(counts[c] == 1 ? string.Empty : "s")} of class '{Classes[c]}', fewer than the {folds} folds; every class needs at least {folds} rows.", label, source);
            }
        }
    }

    private static DataReadException Unusable(string message, string column, string? source) =>
        new(DiagnosticCatalog.LabelErrorsLabelUnusable.Create(message) with { File = source, Column = column });

    private static DataReadException TooFew(string message, string column, string? source) =>
        new(DiagnosticCatalog.TooFewRowsForFolds.Create(message) with { File = source, Column = column });
}
