using ModelGates.Data;
using ModelGates.Profiles;

namespace ModelGates.Contracts;

/// <summary>
/// Infers a contract from a dataset the way TFDV infers a schema, with the rules documented in
/// docs/contracts.md: types from the data, every column required, a missing-value budget of twice the
/// observed share (0 when none is missing), numeric ranges as observed, a domain for string columns with
/// at most <see cref="MaxDomainSize"/> distinct values, and uniqueness for key-like columns.
/// </summary>
public static class ContractInference
{
    /// <summary>String columns with at most this many distinct values get an <c>allowedValues</c> domain (TFDV's default string domain size).</summary>
    internal const int MaxDomainSize = 100;

    /// <summary>Uniqueness is inferred only from at least this many rows; fewer are unique by chance too often.</summary>
    internal const int MinRowsForUniqueness = 20;

    /// <summary>Infers a contract for <paramref name="dataset"/> from its profile.</summary>
    public static DataContract Infer(DataEngine engine, LoadedDataset dataset, DatasetProfile profile)
    {
        var columns = profile.Columns.Select(c => InferColumn(engine, dataset, c)).ToList();
        return new DataContract
        {
            Columns = columns,
            MinRows = 1,
        };
    }

    /// <summary>The missing-value budget for an observed missing share: twice the share, rounded up to a whole percent.</summary>
    internal static double MissingBudget(double observedShare) =>
        observedShare <= 0 ? 0 : Math.Min(1, Math.Ceiling(observedShare * 2 * 100) / 100);

    private static ColumnContract InferColumn(DataEngine engine, LoadedDataset dataset, ColumnProfile column)
    {
        var type = column.Kind is ColumnKind.Categorical or ColumnKind.Text ? ValueType.String : ValueTypes.FromSql(column.SqlType);

        // Personal data is declared, never written into the contract as a range or a domain (docs/privacy.md).
        var privacy = Quality.Privacy.ProfilePrivacy.Scan(column);
        var numeric = !privacy.IsPersonal && type.IsNumeric() && column.Numeric is { Moments.Count: > 0 } n ? n : null;
        var domain = !privacy.IsPersonal && column.Kind == ColumnKind.Categorical && column.Categories is { IsComplete: true } categories && categories.Values.Count <= MaxDomainSize
            ? categories.Values.Select(v => v.Value).Order(StringComparer.Ordinal).ToList()
            : null;
        return new ColumnContract
        {
            Name = column.Name,
            Type = type,
            Required = true,
            MaxMissingShare = MissingBudget(column.MissingShare),
            Min = numeric?.Min,
            Max = numeric?.Max,
            AllowedValues = domain,
            Unique = IsKeyLike(engine, dataset, column, type),
            Pii = privacy.Flagged ? PiiPolicy.Allowed : null,
            Sensitive = privacy.SpecialCategory is not null,
        };
    }

    private static bool IsKeyLike(DataEngine engine, LoadedDataset dataset, ColumnProfile column, ValueType type)
    {
        // Only whole numbers and strings identify rows; a unique real-valued column is a coincidence, not a key.
        if (type is not (ValueType.Integer or ValueType.String) || column.Missing > 0 || column.Count < MinRowsForUniqueness)
        {
            return false;
        }

        // The profile's estimate only nominates candidates; the decision is an exact count.
        if (column.Distinct.Estimate < column.Count * 0.9)
        {
            return false;
        }

        var name = SqlText.Identifier(column.Name);
        return engine.Scalar($"SELECT count(DISTINCT {name}) = count({name}) FROM {dataset.Table}") is true;
    }
}
