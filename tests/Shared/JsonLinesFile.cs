using System.Globalization;

namespace ModelGates.Testing;

/// <summary>A plain CSV file rewritten as JSON Lines, for tests that the same data means the same thing in either format.</summary>
internal static class JsonLinesFile
{
    /// <summary>Writes the first <paramref name="take"/> records of <paramref name="csvPath"/> (no quoted fields) to <paramref name="jsonPath"/>.</summary>
    public static string FromCsv(string csvPath, string jsonPath, int take = int.MaxValue)
    {
        var lines = File.ReadLines(csvPath).ToList();
        var header = lines[0].Split(',');
        var records = lines.Skip(1).Take(take).Select(line =>
            "{" + string.Join(", ", header.Zip(line.Split(',')).Select(p => $"\"{p.First}\": {Value(p.Second)}")) + "}\n");
        File.WriteAllText(jsonPath, string.Concat(records));
        return jsonPath;
    }

    /// <summary>A CSV cell as JSON: empty as null, DuckDB's CSV booleans (yes/no, true/false) as JSON booleans, numbers as numbers.</summary>
    private static string Value(string cell) => cell switch
    {
        "" => "null",
        "yes" or "true" => "true",
        "no" or "false" => "false",
        _ when double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => cell,
        _ => $"\"{cell}\"",
    };
}
