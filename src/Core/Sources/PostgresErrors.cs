using System.Net.Sockets;
using ModelGates.Data;
using ModelGates.Diagnostics;
using Npgsql;

namespace ModelGates.Sources;

/// <summary>
/// Turns what Npgsql throws into one MG code each, keeping the server's own words (SQLSTATE, message, hint)
/// and masking every secret: unreachable (MG0120), login refused (MG0121), no such table (MG0122), any other
/// query error (MG0123), a connection lost mid-query (MG0125), a statement timeout (MG0126).
/// </summary>
internal sealed class PostgresErrors(string name, string target, SourceLocation? location)
{
    /// <summary>The connection's <c>host:port/database</c>.</summary>
    public string Target { get; } = target;

    /// <summary>True for the exceptions a server, the network or Npgsql's reading of a value can raise.</summary>
    public static bool IsDatabaseError(Exception e) =>
        e is NpgsqlException or IOException or SocketException or TimeoutException or InvalidCastException or NotSupportedException or InvalidOperationException;

    /// <summary>A connection string that Npgsql cannot read.</summary>
    public static DataReadException InvalidConnectionString(string name, string reason, SourceLocation? location) =>
        Fail(DiagnosticCatalog.DatabaseConnectionStringInvalid, $"The connection string of '{name}' cannot be read: {reason}", location);

    /// <summary>A failure while opening the connection.</summary>
    public DataReadException OnOpen(Exception e)
    {
        if (e is PostgresException server)
        {
            return server.SqlState switch
            {
                // invalid_password, invalid_authorization_specification, invalid_catalog_name (no such database)
                "28P01" or "28000" or "3D000" => Fail(DiagnosticCatalog.DatabaseLoginFailed, $"PostgreSQL at {Target} refused the login of connection '{name}': {ServerText(server)}"),
                _ => Fail(DiagnosticCatalog.DatabaseUnreachable, $"Cannot connect to PostgreSQL at {Target} (connection '{name}'): {ServerText(server)}"),
            };
        }

        return Fail(DiagnosticCatalog.DatabaseUnreachable, $"Cannot connect to PostgreSQL at {Target} (connection '{name}'): {Reason(e)}");
    }

    /// <summary>A failure while a statement ran.</summary>
    public DataReadException OnQuery(Exception e, TimeSpan statementTimeout)
    {
        if (e is PostgresException server)
        {
            return server.SqlState switch
            {
                // query_canceled: ours is by statement_timeout; Npgsql's own cancel after the command timeout says "user request".
                "57014" => Fail(DiagnosticCatalog.DatabaseStatementTimeout, $"A query on connection '{name}' ({Target}) ran past the statement timeout of {PostgresSession.Seconds(statementTimeout)}: {ServerText(server)}"),

                // admin_shutdown (pg_terminate_backend, a stopped server), crash_shutdown, cannot_connect_now, connection_exception class
                "57P01" or "57P02" or "57P03" or "57P05" => Lost(ServerText(server)),
                _ when server.SqlState.StartsWith("08", StringComparison.Ordinal) => Lost(ServerText(server)),

                // undefined_table, invalid_schema_name
                "42P01" or "3F000" => Fail(DiagnosticCatalog.DatabaseRelationNotFound, $"A table of connection '{name}' ({Target}) does not exist: {ServerText(server)}"),
                _ => Fail(DiagnosticCatalog.DatabaseQueryFailed, $"A query on connection '{name}' ({Target}) failed: {ServerText(server)}"),
            };
        }

        if (e is NpgsqlException { InnerException: TimeoutException } || e is TimeoutException)
        {
            return Fail(DiagnosticCatalog.DatabaseStatementTimeout, $"A query on connection '{name}' ({Target}) got no answer within the statement timeout of {PostgresSession.Seconds(statementTimeout)}: {Reason(e)}");
        }

        if (e is NpgsqlException or IOException or SocketException || e is InvalidOperationException && e.Message.Contains("connection", StringComparison.OrdinalIgnoreCase))
        {
            return Lost(Reason(e));
        }

        return Fail(DiagnosticCatalog.DatabaseQueryFailed, $"A query on connection '{name}' ({Target}) returned a value ModelGates cannot read: {Reason(e)}");
    }

    private DataReadException Lost(string reason) =>
        Fail(DiagnosticCatalog.DatabaseConnectionLost, $"The connection '{name}' to {Target} was closed while a query ran: {reason}");

    private DataReadException Fail(DiagnosticDescriptor descriptor, string message) => Fail(descriptor, message, location);

    private static DataReadException Fail(DiagnosticDescriptor descriptor, string message, SourceLocation? location) =>
        new(descriptor.Create(SecretMask.Mask(message)) with { File = location?.File, Line = location?.Line, SourceColumn = location?.Column });

    // The server's words: SQLSTATE, message, and its hint or detail when it gives one.
    private static string ServerText(PostgresException e)
    {
        var text = $"{e.MessageText} (SQLSTATE {e.SqlState})";
        if (!string.IsNullOrEmpty(e.Hint))
        {
            text += " Hint: " + e.Hint;
        }

        return text;
    }

    // Npgsql wraps the cause (a refused socket, a name that does not resolve); its innermost message is the one that says why.
    private static string Reason(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim();
            if (message.Length > 0 && !messages.Contains(message, StringComparer.Ordinal))
            {
                messages.Add(message);
            }
        }

        return string.Join(": ", messages);
    }
}
