using ModelGates.Data;

namespace ModelGates.Profiles;

/// <summary>
/// Gives the distinct-count registers of a profiled column for merging: the stored ones, or, for a
/// column whose profile lists every value, registers hashed from those values (strings in a scratch engine).
/// </summary>
internal sealed class RegisterSource : IDisposable
{
    private DataEngine? engine;
    private string? hashId;

    /// <summary>True when the profile lists every distinct value of the column.</summary>
    public static bool HasAllValues(ColumnProfile column) =>
        column.Categories is { IsComplete: true } || column.Numeric is { Quantiles.IsExact: true };

    /// <summary>The column's registers, or null when it has neither registers nor a full list of values.</summary>
    public DistinctSketch? Of(ColumnProfile column)
    {
        if (column.Distinct.Registers is not null)
        {
            return column.Distinct;
        }

        if (!HasAllValues(column))
        {
            return null;
        }

        if (column.Numeric is { } numeric)
        {
            return DistinctSketch.Exact(column.Distinct.Estimate, ValueHash.Registers(numeric.Quantiles.Values), ValueHash.NumericHashId);
        }

        engine ??= new DataEngine();
        hashId ??= ProfileBuilder.HashId(engine);
        return DistinctSketch.Exact(column.Distinct.Estimate, DistinctRegisters.OfStrings(engine, column.Categories!.Values.Select(v => v.Value)), hashId);
    }

    public void Dispose() => engine?.Dispose();
}
