using ModelGates.Data;
using ModelGates.Quality.Features;
using ModelGates.Statistics;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality.LabelErrors;

/// <summary>samples/CreditRisk/data/train.csv with the Status label flipped on seeded rows whose positions the tests know.</summary>
internal static class CreditRiskLabelFlips
{
    public static FeatureTable Table()
    {
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(RepoPaths.Combine("samples", "CreditRisk", "data", "train.csv")));
        return FeatureTable.Read(engine, data);
    }

    /// <summary>The table with <paramref name="flips"/> labels flipped (good/bad) on distinct seeded rows; the rows returned.</summary>
    public static (FeatureTable Table, HashSet<long> Flipped) Flipped(int flips, ulong seed)
    {
        var table = Table();
        var random = new SeededRandom(seed);
        var flipped = new HashSet<long>();
        while (flipped.Count < flips)
        {
            flipped.Add(random.NextInt64(table.Rows));
        }

        var columns = table.Columns.Select(c =>
        {
            if (c.Name != "Status")
            {
                return c;
            }

            var labels = (string?[])c.Categories!.Clone();
            foreach (var row in flipped)
            {
                labels[row] = labels[row] == "good" ? "bad" : "good";
            }

            return FeatureColumn.Categorical("Status", labels);
        }).ToList();
        return (new FeatureTable(table.Rows, columns, table.Source), flipped);
    }
}
