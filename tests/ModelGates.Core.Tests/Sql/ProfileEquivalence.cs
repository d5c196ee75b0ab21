using System.Globalization;
using System.Text.Json.Nodes;
using ModelGates.Profiles;

namespace ModelGates.Tests.Sql;

/// <summary>
/// Holds a pushed-down profile to the file profile of the same rows: every value byte for byte, except what the
/// engine cannot give bit for bit, each within the tolerance docs/scale.md states: the moments (the engine sums in
/// its own order), and the distinct-count registers of numeric columns (the engine's hash, not SplitMix64).
/// </summary>
internal static class ProfileEquivalence
{
    /// <summary>The relative tolerance of mean, variance, standard deviation and M2 (docs/scale.md).</summary>
    public const double MomentTolerance = 1e-9;

    /// <summary>Asserts the two profiles are equivalent; returns how many values were compared exactly.</summary>
    /// <param name="file">The profile of the file.</param>
    /// <param name="pushed">The profile computed in the engine.</param>
    /// <param name="sameTextHash">True when the engine hashes text as the file profiler does (DuckDB), so text registers must be equal too.</param>
    public static int AssertEquivalent(DatasetProfile file, DatasetProfile pushed, bool sameTextHash)
    {
        var expected = JsonNode.Parse(ProfileJsonWriter.Write(file))!;
        var actual = JsonNode.Parse(ProfileJsonWriter.Write(pushed))!;
        var exact = 0;
        Compare(expected, actual, "$", sameTextHash, ref exact);
        return exact;
    }

    private static bool IsMoment(string path) =>
        !path.Contains(".length.", StringComparison.Ordinal) && path.Split('.')[^1] is "mean" or "variance" or "std" or "m2";

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, bool sameTextHash, ref int exact)
    {
        if (path == "$.sources")
        {
            return;
        }

        switch (expected)
        {
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.True(
                    e.Select(p => p.Key).SequenceEqual(a.Select(p => p.Key)),
                    $"{path}: keys {string.Join(",", e.Select(p => p.Key))} vs {string.Join(",", a.Select(p => p.Key))}");
                var numericColumn = e.ContainsKey("quantiles");
                foreach (var (key, value) in e)
                {
                    if (key == "distinct" && (numericColumn || !sameTextHash) && value is JsonObject distinct && distinct["registers"] is not null)
                    {
                        // The estimate of a numeric column is exact either way; registers come from another hash.
                        var other = (JsonObject)a[key]!;
                        Assert.True(other["registers"] is not null, $"{path}.distinct: registers expected");
                        if (numericColumn)
                        {
                            Assert.Equal(distinct["estimate"]!.GetValue<long>(), other["estimate"]!.GetValue<long>());
                        }
                        else
                        {
                            var wanted = distinct["estimate"]!.GetValue<double>();
                            Assert.InRange(other["estimate"]!.GetValue<double>(), wanted * (1 - (4 * DistinctSketch.StandardError)), wanted * (1 + (4 * DistinctSketch.StandardError)));
                        }

                        continue;
                    }

                    Compare(value, a[key], $"{path}.{key}", sameTextHash, ref exact);
                }

                return;

            case JsonArray e:
                var array = Assert.IsType<JsonArray>(actual);
                Assert.True(e.Count == array.Count, $"{path}: {e.Count} items vs {array.Count}");
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], array[i], $"{path}[{i}]", sameTextHash, ref exact);
                }

                return;

            default:
                var want = expected?.ToJsonString();
                var got = actual?.ToJsonString();
                if (IsMoment(path) && want != got && want is not null && got is not null && want != "null")
                {
                    var w = double.Parse(want, CultureInfo.InvariantCulture);
                    var g = double.Parse(got, CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(w - g) <= MomentTolerance * Math.Max(1e-300, Math.Abs(w)), $"{path}: {want} vs {got}");
                    return;
                }

                Assert.True(want == got, $"{path}: expected {want}, got {got}");
                exact++;
                return;
        }
    }
}
