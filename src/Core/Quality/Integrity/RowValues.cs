using ModelGates.Data;

namespace ModelGates.Quality.Integrity;

/// <summary>The text values of chosen rows, fetched to verify groups that share a hash.</summary>
internal static class RowValues
{
    private const int Chunk = 4096;

    /// <summary>The values of <paramref name="columns"/> of each row in <paramref name="rows"/>, by row index.</summary>
    public static Dictionary<long, string?[]> Of(QualityTable table, IReadOnlyList<string> columns, IEnumerable<long> rows)
    {
        if (table.Direct is { } direct)
        {
            return DirectRowValues.Of(direct.File, direct.Rows.LineStarts, [.. columns.Select(table.IndexOf)], rows);
        }

        var values = new Dictionary<long, string?[]>();
        var select = string.Join(", ", columns.Select(QualityTable.Text));
        foreach (var chunk in rows.Distinct().Order().Chunk(Chunk))
        {
            var list = string.Join(", ", chunk);
            table.Engine.Query($"SELECT rowid, {select} FROM {table.Table} WHERE rowid IN ({list})", r =>
            {
                var row = new string?[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    row[c] = r.IsDBNull(c + 1) ? null : r.GetString(c + 1);
                }

                values[SqlValue.ToInt64(r.GetValue(0))] = row;
            });
        }

        return values;
    }

    /// <summary>True when two rows hold the same values (NULL equals NULL, as a duplicate means).</summary>
    public static bool Same(string?[] a, string?[] b) => a.AsSpan().SequenceEqual(b);
}
