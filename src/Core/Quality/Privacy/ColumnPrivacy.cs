using ModelGates.Contracts;
using ModelGates.Diagnostics;

namespace ModelGates.Quality.Privacy;

/// <summary>
/// The columns of one dataset whose values outputs must mask (declared <c>"pii"</c> or <c>"sensitive"</c>, or
/// detected), each with the kind its values are masked as. Everything that renders a value of the dataset asks it.
/// </summary>
internal sealed class ColumnPrivacy
{
    private readonly Dictionary<string, PiiKind> masked = new(StringComparer.Ordinal);

    /// <summary>No column masked.</summary>
    public static ColumnPrivacy None => new();

    /// <summary>Whether any column is masked.</summary>
    public bool Any => masked.Count > 0;

    /// <summary>The masked columns, in ordinal order.</summary>
    public IReadOnlyList<string> Columns => [.. masked.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The columns a contract declares with <c>"pii"</c> or <c>"sensitive"</c>.</summary>
    public static ColumnPrivacy FromContract(DataContract contract)
    {
        var privacy = new ColumnPrivacy();
        foreach (var column in contract.Columns.Where(c => c.MasksValues))
        {
            privacy.Add(column.Name, PiiKind.Other);
        }

        return privacy;
    }

    /// <summary>Masks <paramref name="column"/>'s values as <paramref name="kind"/> (a known kind wins over <see cref="PiiKind.Other"/>).</summary>
    public void Add(string column, PiiKind kind)
    {
        if (!masked.TryGetValue(column, out var known) || known == PiiKind.Other)
        {
            masked[column] = kind;
        }
    }

    /// <summary>Whether values of <paramref name="column"/> are masked.</summary>
    public bool Masks(string? column) => column is not null && masked.ContainsKey(column);

    /// <summary>The value as outputs show it: masked for a masked column, as is otherwise.</summary>
    public string? Show(string? column, string? value) =>
        value is null || column is null || !masked.TryGetValue(column, out var kind) ? value : ValueMasker.Mask(value, kind);

    /// <summary>
    /// The diagnostic with its example values masked when they come from a masked column. A diagnostic of several
    /// columns (a unique key <c>a,b</c>) or of whole rows (an unparsed line) hides its example values when any
    /// masked column could be in them.
    /// </summary>
    public Diagnostic Apply(Diagnostic diagnostic)
    {
        // The privacy checks' own examples are masked where they are made (PiiCheck).
        if (!Any || diagnostic.Check == PiiFindings.Check || diagnostic.Examples.Count == 0 || diagnostic.Examples.All(e => e.Value is null))
        {
            return diagnostic;
        }

        if (diagnostic.Column is { } column && masked.TryGetValue(column, out var kind))
        {
            return diagnostic with { Examples = [.. diagnostic.Examples.Select(e => e with { Value = e.Value is null ? null : ValueMasker.Mask(e.Value, kind) })] };
        }

        var touches = diagnostic.Column is null || diagnostic.Column.Split(',').Any(masked.ContainsKey);
        return touches
            ? diagnostic with { Examples = [.. diagnostic.Examples.Select(e => e with { Value = e.Value is null ? null : ValueMasker.Hidden })] }
            : diagnostic;
    }
}
