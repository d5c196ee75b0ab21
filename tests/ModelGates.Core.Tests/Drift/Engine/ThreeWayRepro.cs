using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Statistics;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>
/// The seeded repro of issue 19: two files of n rows that differ in three ways. A boolean moves from 50% to 60% true;
/// a rare category triples, from 1% to 3% of rows (the others give way in proportion); a heavy-tailed amount
/// (lognormal, σ = 2) rises 30% in every row; a fourth, normal column does not change.
/// </summary>
internal static class ThreeWayRepro
{
    public static (SampleColumn[] Reference, SampleColumn[] Current) Columns(int n, ulong seed = 19) =>
        (Side(new SeededRandom(seed), n, drifted: false), Side(new SeededRandom(seed + 1000), n, drifted: true));

    private static SampleColumn[] Side(SeededRandom random, int n, bool drifted)
    {
        var flags = new Dictionary<string, long>(StringComparer.Ordinal) { ["false"] = 0, ["true"] = 0 };
        var segments = new Dictionary<string, long>(StringComparer.Ordinal) { ["retail"] = 0, ["business"] = 0, ["rare"] = 0 };
        var amounts = new double[n];
        var scores = new double[n];
        var rare = drifted ? 0.03 : 0.01;
        for (var i = 0; i < n; i++)
        {
            flags[random.NextDouble() < (drifted ? 0.6 : 0.5) ? "true" : "false"]++;
            var u = random.NextDouble();
            segments[u < rare ? "rare" : u < rare + ((1 - rare) * 0.6) ? "retail" : "business"]++;
            amounts[i] = (drifted ? 1.3 : 1.0) * Math.Exp(2.0 * random.NextGaussian());
            scores[i] = random.NextGaussian();
        }

        return
        [
            SampleColumn.Counts("flag", flags, kind: ColumnKind.Boolean),
            SampleColumn.Counts("segment", segments),
            SampleColumn.Numeric("amount", amounts),
            SampleColumn.Numeric("score", scores),
        ];
    }
}
