using System.Text;

namespace ModelGates.Data.Direct;

/// <summary>Text values read directly, as DuckDB orders and names them.</summary>
internal static class DirectCsvValues
{
    /// <summary>The values as strings, most frequent first and ties in byte order (DuckDB's VARCHAR order).</summary>
    public static List<(string Value, long Count)> SortedByCount(IReadOnlyList<(byte[] Bytes, long Count)> values)
    {
        var sorted = values.ToList();
        sorted.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Bytes.AsSpan().SequenceCompareTo(b.Bytes));
        return sorted.Select(v => (Encoding.UTF8.GetString(v.Bytes), v.Count)).ToList();
    }
}
