using System.Buffers.Binary;
using System.IO.Hashing;
using Apache.Arrow;
using ModelGates.Data;

namespace ModelGates.Quality.Integrity;

/// <summary>
/// The one hashing pass behind duplicates, conflicting labels and leakage: each row's feature values are hashed once
/// (XxHash128 over each value's length and UTF-8 bytes, so no two different rows hash alike by construction of the
/// input, only by a collision), then the label is appended for the whole-row hash. Values come straight from DuckDB's
/// Arrow batches as bytes. Groups found by hash are candidates only: <see cref="RowValues"/> verifies them.
/// </summary>
internal sealed class RowHashes
{
    internal RowHashes(UInt128[] features, UInt128[] rows, string?[]? labels)
    {
        Features = features;
        Rows = rows;
        Labels = labels;
    }

    /// <summary>Per row, the hash of its feature values in the order given.</summary>
    public UInt128[] Features { get; }

    /// <summary>Per row, the hash of its feature values and then its label (equal to <see cref="Features"/>' without a label).</summary>
    public UInt128[] Rows { get; }

    /// <summary>Per row, its label (null when missing), or null when there is no label.</summary>
    public string?[]? Labels { get; }

    /// <summary>Hashes every row of <paramref name="table"/> over <paramref name="features"/> (and <paramref name="label"/> when given).</summary>
    public static RowHashes Of(QualityTable table, IReadOnlyList<string> features, string? label)
    {
        var rows = checked((int)table.Rows);
        var featureHashes = new UInt128[rows];
        var rowHashes = label is null ? featureHashes : new UInt128[rows];
        var labels = label is null ? null : new string?[rows];
        var select = string.Join(", ", features.Append(label).OfType<string>().Select(QualityTable.Text));
        var hasher = new XxHash128();
        var length = new byte[4];
        var start = 0;
        var labelCache = new Dictionary<string, string>(StringComparer.Ordinal);
        table.Engine.ReadBatches($"SELECT {select} FROM {table.Table} ORDER BY rowid", batch =>
        {
            var columns = Enumerable.Range(0, batch.ColumnCount).Select(batch.Column).ToArray();
            for (var i = 0; i < batch.Length; i++)
            {
                hasher.Reset();
                for (var c = 0; c < features.Count; c++)
                {
                    Append(hasher, columns[c], i, length);
                }

                var row = start + i;
                featureHashes[row] = hasher.GetCurrentHashAsUInt128();
                if (labels is not null)
                {
                    Append(hasher, columns[features.Count], i, length);
                    rowHashes[row] = hasher.GetCurrentHashAsUInt128();
                    var bytes = ArrowText.Bytes(columns[features.Count], i, out var isNull);
                    labels[row] = isNull ? null : Intern(labelCache, System.Text.Encoding.UTF8.GetString(bytes));
                }
            }

            start += batch.Length;
        });
        return new RowHashes(featureHashes, rowHashes, labels);
    }

    private static void Append(XxHash128 hasher, IArrowArray column, int index, byte[] length)
    {
        var bytes = ArrowText.Bytes(column, index, out var isNull);
        // The length first, and -1 for NULL: "a","bc" and "ab","c" and NULL and "" all hash differently.
        BinaryPrimitives.WriteInt32LittleEndian(length, isNull ? -1 : bytes.Length);
        hasher.Append(length);
        hasher.Append(bytes);
    }

    private static string Intern(Dictionary<string, string> cache, string value)
    {
        if (!cache.TryGetValue(value, out var kept))
        {
            cache[value] = kept = value;
        }

        return kept;
    }
}

/// <summary>Text values of DuckDB's Arrow batches as UTF-8 bytes, whichever string layout DuckDB exports.</summary>
internal static class ArrowText
{
    /// <summary>The bytes of value <paramref name="index"/> of a text column (empty when NULL).</summary>
    public static ReadOnlySpan<byte> Bytes(IArrowArray column, int index, out bool isNull) => column switch
    {
        StringArray s => s.GetBytes(index, out isNull),
        StringViewArray v => v.GetBytes(index, out isNull),
        _ => throw new InvalidOperationException($"Expected a text column, got {column.Data.DataType.Name}."),
    };
}
