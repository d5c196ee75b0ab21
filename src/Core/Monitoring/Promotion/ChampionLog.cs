using System.Globalization;
using DuckDB.NET.Data;
using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Monitoring.Promotion;

/// <summary>
/// The <c>champions</c> table of the history file (docs/promotion.md#the-history): one row per promotion, written in
/// one transaction. The schema is the contract shared with monitors, which read <c>max(promoted_at)</c> of a model
/// for their cooldown; a missing file or table means "never promoted". To be merged with the monitors' HistoryStore.
/// </summary>
internal sealed class ChampionLog : IDisposable
{
    /// <summary>The DDL of the table, exactly as the shared history contract states it.</summary>
    internal const string Ddl = """
        create table if not exists champions (
          promoted_at  TIMESTAMP NOT NULL,
          model        VARCHAR   NOT NULL,
          model_hash   VARCHAR   NOT NULL,
          data_hashes  VARCHAR   NOT NULL,
          metrics      VARCHAR   NOT NULL,
          git_commit   VARCHAR,
          record       VARCHAR   NOT NULL
        )
        """;

    /// <summary>The history file beside a config when no other is named.</summary>
    public static readonly string DefaultPath = Path.Combine(".modelgates", "history.duckdb");

    private readonly DuckDBConnection connection;
    private readonly string path;
    private DuckDBTransaction? transaction;

    private ChampionLog(string path, DuckDBConnection connection)
    {
        this.path = path;
        this.connection = connection;
    }

    /// <summary>Opens (or creates) the history file and its <c>champions</c> table.</summary>
    /// <exception cref="DataReadException">The file is not a DuckDB database, or cannot be created (MG6042, exit code 3).</exception>
    public static ChampionLog Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        DuckDBConnection? connection = null;
        try
        {
            // DuckDB opens some other files (JSON, say) as something else rather than failing; only its own format will do.
            if (File.Exists(path) && new FileInfo(path).Length > 0 && !IsDuckDbFile(path))
            {
                throw Unusable(path, "it is not a DuckDB database file.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            connection = new DuckDBConnection($"Data Source={path}");
            connection.Open();
            var log = new ChampionLog(path, connection);
            log.Execute(Ddl);
            return log;
        }
        catch (Exception e) when (e is DuckDBException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw Unusable(path, e.Message);
        }
    }

    /// <summary>The time of the last promotion of <paramref name="model"/>, or null when the file, the table or a row is missing.</summary>
    /// <exception cref="DataReadException">The file is not a DuckDB database (MG6042).</exception>
    public static DateTime? LastPromotion(string path, string model) =>
        PromotionTimes(path, model) is { Count: > 0 } times ? times[^1] : null;

    /// <summary>
    /// The UTC times <paramref name="model"/> was promoted, oldest first (the monitor trend's markers); empty when the
    /// file, the table or a row is missing.
    /// </summary>
    /// <exception cref="DataReadException">The file is not a DuckDB database (MG6042).</exception>
    public static IReadOnlyList<DateTime> PromotionTimes(string path, string model)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        if (!IsDuckDbFile(path))
        {
            throw Unusable(path, "it is not a DuckDB database file.");
        }

        try
        {
            using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "select count(*) from information_schema.tables where table_name = 'champions'";
            if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                return [];
            }

            command.CommandText = $"select promoted_at from champions where model = {SqlText.Literal(model)} order by promoted_at";
            using var reader = command.ExecuteReader();
            var times = new List<DateTime>();
            while (reader.Read())
            {
                times.Add(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc));
            }

            return times;
        }
        catch (DuckDBException e)
        {
            throw Unusable(path, e.Message);
        }
    }

    /// <summary>Every champion record of <paramref name="model"/> (the <c>record</c> column), oldest first.</summary>
    public static IReadOnlyList<string> Records(string path, string model)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        if (!IsDuckDbFile(path))
        {
            throw Unusable(path, "it is not a DuckDB database file.");
        }

        try
        {
            using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"select record from champions where model = {SqlText.Literal(model)} order by promoted_at, record";
            using var reader = command.ExecuteReader();
            var records = new List<string>();
            while (reader.Read())
            {
                records.Add(reader.GetString(0));
            }

            return records;
        }
        catch (DuckDBException e)
        {
            throw Unusable(path, e.Message);
        }
    }

    /// <summary>Starts the transaction that the promotion commits or rolls back, and inserts the record in it.</summary>
    /// <exception cref="DataReadException">The row cannot be written (MG6042).</exception>
    public void Insert(ChampionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "insert into champions values ($1, $2, $3, $4, $5, $6, $7)";
            command.Parameters.Add(new DuckDBParameter(record.PromotedAt.UtcDateTime));
            command.Parameters.Add(new DuckDBParameter(record.Model));
            command.Parameters.Add(new DuckDBParameter(record.ModelHash));
            command.Parameters.Add(new DuckDBParameter(record.DataHashesJson()));
            command.Parameters.Add(new DuckDBParameter(record.MetricsJson()));
            command.Parameters.Add(new DuckDBParameter((object?)record.GitCommit ?? DBNull.Value));
            command.Parameters.Add(new DuckDBParameter(record.ToJson()));
            command.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw Unusable(path, e.Message);
        }
    }

    /// <summary>Commits the inserted record.</summary>
    /// <exception cref="DataReadException">The commit failed (MG6042).</exception>
    public void Commit()
    {
        try
        {
            transaction?.Commit();
            transaction = null;
        }
        catch (DuckDBException e)
        {
            throw Unusable(path, e.Message);
        }
    }

    /// <summary>Drops the inserted record; never throws, since it runs while another failure is reported.</summary>
    public void Rollback()
    {
        try
        {
            transaction?.Rollback();
        }
        catch (DuckDBException)
        {
            // The connection is closed below; DuckDB discards an open transaction with it.
        }

        transaction = null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Rollback();
        connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>True when the file starts with DuckDB's header: a checksum, then the magic bytes <c>DUCK</c>.</summary>
    private static bool IsDuckDbFile(string path)
    {
        Span<byte> header = stackalloc byte[12];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header[8..].SequenceEqual("DUCK"u8);
    }

    private static DataReadException Unusable(string path, string reason) =>
        new(DiagnosticCatalog.HistoryUnusable.Create($"History file '{path}' cannot be used: {reason} It must be a DuckDB database whose 'champions' table has the columns of docs/promotion.md#the-history.") with { File = path });
}
