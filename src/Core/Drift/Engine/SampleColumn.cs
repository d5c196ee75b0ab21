using ModelGates.Data;

namespace ModelGates.Drift.Engine;

/// <summary>
/// One column held in memory, for <see cref="SampleDrift"/>: numeric values (NaN and infinities are
/// missing, as in profiles) or category counts with a missing count.
/// </summary>
public sealed class SampleColumn
{
    private SampleColumn(string name, ColumnKind kind, double[]? values, IReadOnlyDictionary<string, long>? categories, long missing)
    {
        Name = name;
        Kind = kind;
        Values = values;
        Categories = categories;
        Missing = missing;
    }

    /// <summary>The column name.</summary>
    internal string Name { get; }

    /// <summary>The column's kind.</summary>
    internal ColumnKind Kind { get; }

    /// <summary>The non-missing values, sorted ascending (numeric and datetime columns).</summary>
    internal double[]? Values { get; }

    /// <summary>The count of each category (categorical and boolean columns; boolean keys are <c>false</c> and <c>true</c>).</summary>
    internal IReadOnlyDictionary<string, long>? Categories { get; }

    /// <summary>Missing values.</summary>
    internal long Missing { get; }

    /// <summary>Non-missing values.</summary>
    internal long Count => Values?.LongLength ?? Categories!.Values.Sum();

    /// <summary>A numeric (or datetime, as epoch seconds) column; NaN and infinite values count as missing.</summary>
    internal static SampleColumn Numeric(string name, ReadOnlySpan<double> values, ColumnKind kind = ColumnKind.Numeric)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (kind is not (ColumnKind.Numeric or ColumnKind.Datetime))
        {
            throw new ArgumentException($"A column of values is numeric or datetime, not {kind.ToText()}.", nameof(kind));
        }

        var finite = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                finite.Add(v);
            }
        }

        var sorted = finite.ToArray();
        Array.Sort(sorted);
        return new SampleColumn(name, kind, sorted, null, values.Length - sorted.Length);
    }

    /// <summary>A categorical or boolean column from its category counts.</summary>
    internal static SampleColumn Counts(string name, IReadOnlyDictionary<string, long> counts, long missing = 0, ColumnKind kind = ColumnKind.Categorical)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(counts);
        if (kind is not (ColumnKind.Categorical or ColumnKind.Boolean))
        {
            throw new ArgumentException($"A column of counts is categorical or boolean, not {kind.ToText()}.", nameof(kind));
        }

        if (missing < 0 || counts.Values.Any(c => c < 0))
        {
            throw new ArgumentException("Counts cannot be negative.", nameof(counts));
        }

        return new SampleColumn(name, kind, null, new Dictionary<string, long>(counts, StringComparer.Ordinal), missing);
    }
}
