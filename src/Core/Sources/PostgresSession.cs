using System.Globalization;
using ModelGates.Data;
using ModelGates.Sql;
using ModelGates.Sql.Dialects;
using Npgsql;

namespace ModelGates.Sources;

/// <summary>
/// A <see cref="SqlSession"/> on a PostgreSQL server through Npgsql: one unpooled connection, a server-side
/// <c>statement_timeout</c> and a client command timeout just beyond it (so the server's own message wins, and a
/// silent network still ends). Every failure becomes a <see cref="DataReadException"/> with an MG01xx code, the
/// server's message and no secret (<see cref="PostgresErrors"/>).
/// </summary>
internal sealed class PostgresSession : SqlSession
{
    /// <summary>The statement timeout when neither the connection nor the command line sets one.</summary>
    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromMinutes(5);

    // The client waits this much longer than the server's timeout before giving up on a silent connection.
    private static readonly TimeSpan ClientGrace = TimeSpan.FromSeconds(15);

    private readonly NpgsqlConnection connection;
    private readonly PostgresErrors errors;
    private readonly int commandTimeoutSeconds;

    private PostgresSession(NpgsqlConnection connection, PostgresErrors errors, TimeSpan statementTimeout)
    {
        this.connection = connection;
        this.errors = errors;
        StatementTimeout = statementTimeout;
        commandTimeoutSeconds = (int)Math.Min(int.MaxValue, Math.Ceiling((statementTimeout + ClientGrace).TotalSeconds));
    }

    /// <inheritdoc />
    public override string Provider => "postgres";

    /// <inheritdoc />
    public override ISqlDialect Dialect => PostgresDialect.Instance;

    /// <summary>The server-side limit of one statement.</summary>
    public TimeSpan StatementTimeout { get; }

    /// <summary>Where the session is connected, for messages: <c>host:port/database</c>.</summary>
    public string Target => errors.Target;

    /// <summary>
    /// Opens a session. <paramref name="name"/> names the connection in messages (the config's connection name);
    /// the connection string itself is never shown.
    /// </summary>
    /// <exception cref="DataReadException">MG0120 (unreachable), MG0121 (login refused), MG0127 (not a connection string).</exception>
    public static PostgresSession Open(string name, string connectionString, TimeSpan? statementTimeout = null, SourceLocation? location = null)
    {
        var timeout = statementTimeout ?? DefaultStatementTimeout;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgresConnectionString.Parse(connectionString);
        }
        catch (ArgumentException e)
        {
            throw PostgresErrors.InvalidConnectionString(name, e.Message, location);
        }

        // One connection per run, closed with the run: a pool would keep it (and a terminated one) alive.
        builder.Pooling = false;
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "modelgates";
        }

        var errors = new PostgresErrors(name, PostgresConnectionString.Describe(builder), location);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseError(e))
        {
            connection.Dispose();
            throw errors.OnOpen(e);
        }

        var session = new PostgresSession(connection, errors, timeout);
        try
        {
            // Milliseconds, so "1.5s" holds; PostgreSQL reads 0 as "no limit", which a positive timeout never is.
            session.Execute(FormattableString.Invariant($"SET statement_timeout = {Math.Max(1, (long)Math.Ceiling(timeout.TotalMilliseconds))}"));
        }
        catch
        {
            session.Dispose();
            throw;
        }

        return session;
    }

    /// <inheritdoc />
    public override IReadOnlyList<object?[]> Query(string sql, int maxRows = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        try
        {
            // A bound the server applies too: a query that would return more rows stops at the server, not after
            // sending them all for the client to drain. (SHOW and the like cannot be a subquery and return one row.)
            var text = maxRows == int.MaxValue || !IsSelect(sql) ? sql : Dialect.Limit($"SELECT * FROM ({TrimTerminator(sql)}) AS mg_bounded", maxRows);
            using var command = new NpgsqlCommand(text, connection) { CommandTimeout = commandTimeoutSeconds };
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (rows.Count < maxRows && reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseError(e))
        {
            throw errors.OnQuery(e, StatementTimeout);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<SqlColumn> Columns(string relation)
    {
        try
        {
            // LIMIT 0: the server plans the relation and describes its columns without reading a row. PostgreSQL
            // before 16 wants an alias on a subquery; a relation that already has one keeps it.
            var from = HasAlias(relation) ? relation : relation + " AS mg_relation";
            using var command = new NpgsqlCommand($"SELECT * FROM {from} LIMIT 0", connection) { CommandTimeout = commandTimeoutSeconds };
            using var reader = command.ExecuteReader();
            var columns = new SqlColumn[reader.FieldCount];
            for (var i = 0; i < columns.Length; i++)
            {
                // The type's name without its modifiers (character varying, not character varying(20)).
                columns[i] = new SqlColumn(reader.GetName(i), reader.GetPostgresType(i).Name);
            }

            return columns;
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseError(e))
        {
            throw errors.OnQuery(e, StatementTimeout);
        }
    }

    /// <summary>The server's process id of this session (for <c>pg_terminate_backend</c> in tests and for logs).</summary>
    public int ProcessId => connection.ProcessID;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        try
        {
            using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = commandTimeoutSeconds };
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (PostgresErrors.IsDatabaseError(e))
        {
            throw errors.OnQuery(e, StatementTimeout);
        }
    }

    // "(select ...) AS q", "(select ...) q", "public.t AS x": a relation that ends in an alias.
    private static bool HasAlias(string relation) =>
        System.Text.RegularExpressions.Regex.IsMatch(relation, @"(\)|""|\w)\s+(AS\s+)?(""[^""]+""|[A-Za-z_][A-Za-z0-9_]*)\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static bool IsSelect(string sql)
    {
        var start = sql.TrimStart().TrimStart('(').TrimStart();
        return new[] { "SELECT", "WITH", "VALUES", "TABLE" }.Any(k =>
            start.StartsWith(k, StringComparison.OrdinalIgnoreCase) && (start.Length == k.Length || !char.IsLetterOrDigit(start[k.Length])));
    }

    private static string TrimTerminator(string sql)
    {
        var trimmed = sql.TrimEnd();
        while (trimmed.EndsWith(';'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        return trimmed;
    }

    /// <summary>A timeout as PostgreSQL prints it in messages (<c>120 s</c>, <c>1.5 s</c>).</summary>
    internal static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
