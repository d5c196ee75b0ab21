using System.Globalization;
using System.Text;
using ModelGates.Statistics;

namespace ModelGates.Tests.Sql;

/// <summary>A seeded CSV with every column kind: continuous and whole numbers, a few distinct values, categories, identifiers, booleans, timestamps, and missing values.</summary>
internal static class GeneratedData
{
    public static string Csv(int rows, ulong seed, double shift = 0)
    {
        var random = new SeededRandom(seed);
        var cities = new[] { "Lyon", "Oslo", "Porto", "Quito", "Riga", "Sofia", "Tunis" };
        var text = new StringBuilder("id,amount,count,rating,city,flag,seen\n");
        for (var i = 0; i < rows; i++)
        {
            var amount = random.NextDouble() < 0.03 ? string.Empty : (Normal(random) * 250 + 1000 + shift).ToString("R", CultureInfo.InvariantCulture);
            var count = ((long)Math.Floor(random.NextDouble() * 5000)).ToString(CultureInfo.InvariantCulture);
            var rating = random.NextDouble() < 0.1 ? string.Empty : ((int)Math.Floor(random.NextDouble() * 4)).ToString(CultureInfo.InvariantCulture);
            var city = random.NextDouble() < 0.02 ? string.Empty : cities[(int)Math.Floor(Math.Pow(random.NextDouble(), 2) * cities.Length)];
            var flag = random.NextDouble() < 0.3 ? "true" : "false";
            var seen = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(Math.Floor(random.NextDouble() * 3e7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"u{i:D6},{amount},{count},{rating},{city},{flag},{seen}\n");
        }

        return text.ToString();
    }

    private static double Normal(SeededRandom random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
