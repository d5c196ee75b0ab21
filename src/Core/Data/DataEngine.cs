using System.Data.Common;
using DuckDB.NET.Data;

namespace ModelGates.Data;

/// <summary>
/// One embedded, in-memory DuckDB database. Datasets are read into it as tables; profiles, checks and
/// slices are SQL over those tables. Not thread-safe: one engine per run.
/// </summary>
public sealed class DataEngine : IDisposable
{
    private readonly DuckDBConnection connection;
    private int nameCounter;

    /// <summary>Opens a fresh in-memory database.</summary>
    internal DataEngine()
        : this("Data Source=:memory:")
    {
    }

    private DataEngine(string connectionString)
    {
        connection = new DuckDBConnection(connectionString);
        connection.Open();
        // Row order is part of the output (example row numbers); keep file order through every scan.
        Execute("SET preserve_insertion_order = true");
    }

    /// <summary>Opens a DuckDB database file read-only (pushdown over its tables).</summary>
    internal static DataEngine OpenFile(string path) => new($"Data Source={path};ACCESS_MODE=READ_ONLY");

    /// <summary>
    /// Receives the percentage done of the statement that is running, about four times a second,
    /// while statements take longer than a moment. Null (the default) polls nothing.
    /// </summary>
    public Action<double>? QueryProgress { get; set; }

    /// <summary>A fresh table name, unique in this engine.</summary>
    internal string NewName(string stem) => $"mg_{stem}_{++nameCounter}";

    /// <summary>Runs a statement that returns no rows.</summary>
    internal void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var poll = PollProgress();
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and hands each row to <paramref name="read"/>.</summary>
    internal void Query(string sql, Action<DbDataReader> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var poll = PollProgress();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            read(reader);
        }
    }

    /// <summary>Runs a query and maps each row.</summary>
    internal List<T> Query<T>(string sql, Func<DbDataReader, T> map)
    {
        var rows = new List<T>();
        Query(sql, r => rows.Add(map(r)));
        return rows;
    }

    /// <summary>
    /// Reads the single DOUBLE column a query returns into an array, in result order, through DuckDB's Arrow
    /// interface (a copy per batch instead of a call per value). NULLs are skipped; filter them in SQL to keep
    /// row positions meaningful.
    /// </summary>
    internal double[] ReadDoubles(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var poll = PollProgress();
        using var stream = command.ExecuteArrowStream();
        var values = new List<double>();
        while (stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch)
            {
                var column = (Apache.Arrow.DoubleArray)batch.Column(0);
                if (column.NullCount == 0)
                {
                    values.AddRange(column.Values);
                }
                else
                {
                    for (var i = 0; i < column.Length; i++)
                    {
                        if (column.GetValue(i) is { } value)
                        {
                            values.Add(value);
                        }
                    }
                }
            }
        }

        return values.ToArray();
    }

    /// <summary>
    /// Runs a query and hands each Arrow record batch to <paramref name="read"/>, in result order (the quality checks'
    /// one hashing pass reads text values as UTF-8 bytes this way, without a string per value).
    /// </summary>
    internal void ReadBatches(string sql, Action<Apache.Arrow.RecordBatch> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var poll = PollProgress();
        using var stream = command.ExecuteArrowStream();
        while (stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch)
            {
                read(batch);
            }
        }
    }

    /// <summary>Runs a query returning one value.</summary>
    internal object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query and returns its first row as an array of values (nulls for SQL NULL).</summary>
    internal object?[] Row(string sql)
    {
        object?[]? row = null;
        Query(sql, r =>
        {
            row ??= Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray();
        });
        return row ?? throw new InvalidOperationException("The query returned no row: " + sql);
    }

    /// <inheritdoc />
    public void Dispose() => connection.Dispose();

    private Timer? PollProgress()
    {
        if (QueryProgress is not { } sink)
        {
            return null;
        }

        // DuckDB's progress API is meant to be read from another thread while a query runs.
        return new Timer(
            _ =>
            {
                var progress = connection.GetQueryProgress();
                if (progress.Percentage >= 0)
                {
                    sink(progress.Percentage);
                }
            },
            null,
            TimeSpan.FromMilliseconds(500),
            TimeSpan.FromMilliseconds(250));
    }
}
