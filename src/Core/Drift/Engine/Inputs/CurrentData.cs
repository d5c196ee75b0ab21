using ModelGates.Data;
using ModelGates.Drift.Engine.Policy;

namespace ModelGates.Drift.Engine.Inputs;

/// <summary>The current side of a comparison: a table in the engine, or a plain CSV file read directly into memory.</summary>
internal abstract class CurrentData
{
    /// <summary>The dataset path as given.</summary>
    public abstract string Path { get; }

    /// <summary>The files read.</summary>
    public abstract IEnumerable<string> Files { get; }

    /// <summary>Data rows.</summary>
    public abstract long Rows { get; }

    /// <summary>The columns with their types.</summary>
    public abstract IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>The column named <paramref name="name"/>, if any.</summary>
    public DatasetColumn? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Non-missing values of each column (non-finite numbers count as missing, as in profiles).</summary>
    public abstract Dictionary<string, long> NonMissingCounts(IReadOnlyList<DatasetColumn> columns);

    /// <summary>The inputs <paramref name="plan"/> needs of a column with <paramref name="count"/> non-missing values.</summary>
    public abstract CurrentColumn Read(DatasetColumn column, ReferenceColumn reference, DriftPlan plan, long count);
}
