using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// Maps label values (as text) to what the metrics take. Binary: the positive class is 1 and the other value 0;
/// without a positive class, true/false and 1/0 labels map by themselves. Multiclass: each label must be one of the
/// model's classes. A missing label, a third binary value or an unknown class is MG4020 (exit code 3): rows are
/// never dropped silently.
/// </summary>
internal static class LabelEncoder
{
    /// <summary>0/1 labels.</summary>
    /// <param name="labels">The label of each row as text (null when missing).</param>
    /// <param name="column">The label column's name, for messages.</param>
    /// <param name="positiveClass">The value that is class 1, or null for true/false and 1/0 labels.</param>
    /// <param name="file">The data file, for messages.</param>
    /// <param name="allowOneClass">True when the positive class need not occur (predicted labels).</param>
    /// <exception cref="ModelGatesException">MG4020.</exception>
    public static int[] Binary(IReadOnlyList<string?> labels, string column, string? positiveClass, string? file, bool allowOneClass = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        RequireNoMissing(labels, column, file);
        var values = labels.Distinct(StringComparer.Ordinal).Select(v => v!).Order(StringComparer.Ordinal).ToList();
        if (values.Count > 2)
        {
            throw Unusable(file, $"A binary task needs two label values, but column '{column}' has {values.Count}: {List(values)}.");
        }

        if (positiveClass is null)
        {
            if (values.All(v => v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("false", StringComparison.OrdinalIgnoreCase)))
            {
                positiveClass = values.FirstOrDefault(v => v.Equals("true", StringComparison.OrdinalIgnoreCase)) ?? "true";
            }
            else if (values.All(v => v is "0" or "1"))
            {
                positiveClass = "1";
            }
            else
            {
                throw Unusable(file, $"Label column '{column}' holds {List(values)}; say which value is the positive class (positiveClass, --positive-class).");
            }
        }
        else if (!allowOneClass && !values.Contains(positiveClass, StringComparer.Ordinal))
        {
            throw Unusable(file, $"The positive class '{positiveClass}' does not occur in label column '{column}', which holds {List(values)}.");
        }

        return [.. labels.Select(l => string.Equals(l, positiveClass, StringComparison.Ordinal) || (l is not null && IsTrueAlias(l, positiveClass)) ? 1 : 0)];
    }

    /// <summary>Class indices of the labels, by the model's class names.</summary>
    /// <exception cref="ModelGatesException">MG4020: a missing label or one that is not a class.</exception>
    public static int[] Classes(IReadOnlyList<string?> labels, string column, IReadOnlyList<string> classNames, string? file)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        RequireNoMissing(labels, column, file);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < classNames.Count; c++)
        {
            index.TryAdd(classNames[c], c);
        }

        var result = new int[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            if (!index.TryGetValue(labels[i]!, out result[i]))
            {
                var unknown = labels.Where(l => !index.ContainsKey(l!)).Distinct(StringComparer.Ordinal).Select(l => l!).Order(StringComparer.Ordinal).ToList();
                throw Unusable(file, string.Create(CultureInfo.InvariantCulture,
                    $"Label column '{column}' holds {List(unknown)}, which {(unknown.Count == 1 ? "is not a class" : "are not classes")} of the model ({List(classNames)}); first at data row {i + 1}."));
            }
        }

        return result;
    }

    private static bool IsTrueAlias(string label, string positiveClass) =>
        positiveClass.Equals("true", StringComparison.OrdinalIgnoreCase) && label.Equals(positiveClass, StringComparison.OrdinalIgnoreCase);

    private static void RequireNoMissing(IReadOnlyList<string?> labels, string column, string? file)
    {
        var missing = labels.Count(l => l is null);
        if (missing > 0)
        {
            var first = labels.TakeWhile(l => l is not null).Count();
            throw Unusable(file, string.Create(CultureInfo.InvariantCulture,
                $"{missing} row(s) have no label in column '{column}' (first at data row {first + 1}); every evaluation row needs its true label."));
        }
    }

    private static string List(IEnumerable<string> values)
    {
        var list = values.Take(11).Select(v => $"'{v}'").ToList();
        return list.Count > 10 ? string.Join(", ", list.Take(10)) + ", ..." : string.Join(", ", list);
    }

    private static ModelGatesException Unusable(string? file, string message) =>
        EvaluationErrors.Data(DiagnosticCatalog.LabelsUnusable, message, file);
}
