using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Profiles;
using ModelGates.Statistics;

namespace ModelGates.Tests.Profiles;

/// <summary>Seeded mixed-type CSV partitions for profile tests.</summary>
internal static class ProfileTestData
{
    public static string WritePartition(string path, int rows, ulong seed, double shift = 0)
    {
        var random = new SeededRandom(seed);
        var text = new StringBuilder("id,amount,score,count,city,flag,when,note\n");
        string[] cities = ["Oslo", "Lima", "Pune", "Kyiv", "Cork"];
        for (var i = 0; i < rows; i++)
        {
            var amount = random.NextDouble() < 0.05 ? string.Empty : (1000 + 250 * random.NextGaussian() + shift).ToString("R", CultureInfo.InvariantCulture);
            var score = (random.NextDouble() * 10).ToString("0.###", CultureInfo.InvariantCulture);
            var count = random.NextInt64(8).ToString(CultureInfo.InvariantCulture);
            var city = random.NextDouble() < 0.02 ? string.Empty : cities[random.NextInt64(cities.Length)];
            var flag = random.NextDouble() < 0.3 ? "true" : "false";
            var when = new DateTime(2024, 1, 1).AddDays(random.NextInt64(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var note = "n" + random.NextInt64(1_000_000).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{seed}-{i},{amount},{score},{count},{city},{flag},{when},{note}\n");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public static DatasetProfile Profile(string path, ProfileSettings? settings = null)
    {
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(path));
        return ProfileBuilder.Build(engine, data, settings);
    }

    /// <summary>Every value of a numeric column, sorted, read straight from the file.</summary>
    public static double[] Values(string path, string column)
    {
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(path));
        return engine.Query($"SELECT CAST({SqlText.Identifier(column)} AS DOUBLE) FROM {data.Table} WHERE {SqlText.Identifier(column)} IS NOT NULL ORDER BY 1", r => r.GetDouble(0)).ToArray();
    }
}
