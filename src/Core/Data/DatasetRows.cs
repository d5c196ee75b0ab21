using System.Numerics;

namespace ModelGates.Data;

/// <summary>
/// Reads a loaded dataset into memory, one dictionary of column values per row in file order, for code that
/// changes rows before scoring them (behavioural tests of a model). Numbers come as <see cref="double"/> or
/// <see cref="long"/>, missing values as null; text and Boolean columns as the text written in the file (DuckDB's
/// sniffer reads yes/no as BOOLEAN, and a model that learned "yes" must be given "yes").
/// </summary>
public static class DatasetRows
{
    /// <summary>Every row of <paramref name="data"/>.</summary>
    /// <param name="engine">The engine holding the data.</param>
    /// <param name="data">The rows, typed.</param>
    /// <param name="textData">The same rows read with every column as text; null takes text and Boolean values from <paramref name="data"/>.</param>
    /// <exception cref="ArgumentException">The two readings have a different number of rows.</exception>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Read(DataEngine engine, LoadedDataset data, LoadedDataset? textData = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(data);
        if (textData is not null && textData.Rows != data.Rows)
        {
            throw new ArgumentException($"'{data.Source.Path}' gives {data.Rows} rows read typed and {textData.Rows} read as text.", nameof(textData));
        }

        var names = data.Columns.Select(c => c.Name).ToList();
        var rows = new List<Dictionary<string, object?>>(checked((int)data.Rows));
        if (names.Count == 0)
        {
            return [];
        }

        engine.Query($"SELECT {string.Join(", ", names.Select(SqlText.Identifier))} FROM {data.Table}", r =>
        {
            var row = new Dictionary<string, object?>(names.Count, StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                row[names[i]] = Value(r.IsDBNull(i) ? null : r.GetValue(i));
            }

            rows.Add(row);
        });

        var texts = data.Columns.Where(c => c.TypeKind is ColumnKind.Boolean or ColumnKind.Categorical or ColumnKind.Text).Select(c => c.Name).ToList();
        if (textData is not null && texts.Count > 0)
        {
            var index = 0;
            engine.Query($"SELECT {string.Join(", ", texts.Select(n => $"CAST({SqlText.Identifier(n)} AS VARCHAR)"))} FROM {textData.Table}", r =>
            {
                var row = rows[index++];
                for (var i = 0; i < texts.Count; i++)
                {
                    row[texts[i]] = r.IsDBNull(i) ? null : r.GetString(i);
                }
            });
        }

        return rows;
    }

    private static object? Value(object? value) => value switch
    {
        BigInteger big => (double)big,
        decimal d => (double)d,
        float f => (double)f,
        int i => (long)i,
        short s => (long)s,
        sbyte s => (long)s,
        byte b => (long)b,
        ushort u => (long)u,
        uint u => (long)u,
        ulong u => (double)u,
        _ => value,
    };
}
