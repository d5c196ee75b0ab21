using ModelGates.Data;

namespace ModelGates.Profiles;

/// <summary>
/// Gives the distinct-count registers of a profiled column for merging: the stored ones, or, for a
/// column whose profile lists every value, registers hashed from those values in a scratch engine.
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

        engine ??= new DataEngine();
        hashId ??= ProfileBuilder.HashId(engine);
        var registers = column.Numeric is { } numeric
            ? DistinctRegisters.OfNumbers(engine, numeric.Quantiles.Values)
            : DistinctRegisters.OfStrings(engine, column.Categories!.Values.Select(v => v.Value));
        return DistinctSketch.Exact(column.Distinct.Estimate, registers, hashId);
    }

    public void Dispose() => engine?.Dispose();
}
