using System.Reflection;
using Microsoft.ML;

namespace ModelGates.Lineage;

/// <summary>
/// Reads the seed an MLContext was created with. ML.NET exposes it only through its internal
/// <c>Microsoft.ML.Runtime.IHostEnvironmentInternal.Seed</c> (MLContext implements it explicitly; AutoML reads
/// it the same way), so this uses reflection and reports when that member is not there.
/// </summary>
internal static class SeedReader
{
    private static readonly PropertyInfo? SeedProperty = typeof(MLContext).GetInterfaces()
        .FirstOrDefault(candidate => candidate.FullName == "Microsoft.ML.Runtime.IHostEnvironmentInternal")
        ?.GetProperty("Seed");

    /// <summary>False when this ML.NET version does not expose the seed; <paramref name="seed"/> is null for an unseeded context.</summary>
    public static bool TryRead(MLContext context, out int? seed)
    {
        if (SeedProperty is null || SeedProperty.PropertyType != typeof(int?))
        {
            seed = null;
            return false;
        }

        seed = (int?)SeedProperty.GetValue(context);
        return true;
    }
}
