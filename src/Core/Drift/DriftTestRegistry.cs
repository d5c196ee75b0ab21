using System.Diagnostics.CodeAnalysis;
using ModelGates.Configuration.Json;
using ModelGates.Drift.Tests;

namespace ModelGates.Drift;

/// <summary>Every drift test ModelGates knows, by the id used in JSON configuration.</summary>
public static class DriftTestRegistry
{
    private static readonly IDriftTest[] Tests =
    [
        new KolmogorovSmirnovTest(),
        new ChiSquareTest(),
        new ProportionZTest(),
        new FisherExactTest(),
        new GTest(),
        new AndersonDarlingTest(),
        new CramerVonMisesTest(),
        new MannWhitneyTest(),
        new WelchTTest(),
        new WassersteinTest(),
        new PopulationStabilityIndexTest(),
        new JensenShannonTest(),
        new KullbackLeiblerTest(),
        new HellingerTest(),
        new TotalVariationTest(),
        new LInfinityTest(),
        new EnergyDistanceTest(),
        new RankWassersteinTest(),
        new CohensHTest(),
    ];

    private static readonly Dictionary<string, IDriftTest> ById = Tests.ToDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>All tests, in the order the documentation lists them.</summary>
    public static IReadOnlyList<IDriftTest> All => Tests;

    /// <summary>The test with this id (ids are case-sensitive, as written in JSON).</summary>
    /// <exception cref="ArgumentException">No test has this id; the message lists the known ids and suggests the closest.</exception>
    public static IDriftTest Get(string id)
    {
        if (TryGet(id, out var test))
        {
            return test;
        }

        var suggestion = id is null ? null : DidYouMean.Suggest(id, ById.Keys);
        var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
        throw new ArgumentException(
            $"Unknown drift test '{id}'.{hint} Known tests: {string.Join(", ", Tests.Select(t => t.Id))}.",
            nameof(id));
    }

    /// <summary>Looks a test up by id without throwing.</summary>
    public static bool TryGet(string? id, [NotNullWhen(true)] out IDriftTest? test)
    {
        if (id is not null && ById.TryGetValue(id, out var found))
        {
            test = found;
            return true;
        }

        test = null;
        return false;
    }
}
