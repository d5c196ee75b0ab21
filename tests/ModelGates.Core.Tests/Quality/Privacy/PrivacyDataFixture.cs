using ModelGates.Testing;

namespace ModelGates.Tests.Quality.Privacy;

/// <summary>The privacy test data, built once per test run.</summary>
internal static class PrivacyDataFixture
{
    private static readonly Lazy<PrivacyData> Built = new(() => PrivacyData.Build());

    public static PrivacyData Data => Built.Value;
}
