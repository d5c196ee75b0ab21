using Npgsql;

namespace ModelGates.Sources;

/// <summary>
/// Reads a PostgreSQL connection string in either form users have: Npgsql's keywords
/// (<c>Host=db;Username=u;Password=p;Database=d</c>) or a libpq URI
/// (<c>postgres://u:p@db:5432/d?sslmode=require</c>), which Npgsql does not read itself.
/// </summary>
internal static class PostgresConnectionString
{
    /// <summary>Parses the text; registers its password with <see cref="SecretMask"/> first, so no error can print it.</summary>
    /// <exception cref="ArgumentException">The text is not a connection string (the message is masked).</exception>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        SecretMask.RegisterConnectionString(text);
        var trimmed = text.Trim();
        try
        {
            var builder = IsUri(trimmed) ? FromUri(trimmed) : new NpgsqlConnectionStringBuilder(trimmed);
            SecretMask.Register(builder.Password);
            return builder;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            throw new ArgumentException(SecretMask.Mask(e.Message), e is ArgumentException a ? a.ParamName : null);
        }
    }

    /// <summary>Where a connection goes, for messages: <c>host:port/database</c>, never the user or password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Host ?? "localhost"}:{builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{builder.Database ?? builder.Username ?? "postgres"}";

    private static bool IsUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static NpgsqlConnectionStringBuilder FromUri(string text)
    {
        var uri = new Uri(text, UriKind.Absolute);
        var builder = new NpgsqlConnectionStringBuilder();
        if (uri.Host.Length > 0)
        {
            builder.Host = uri.Host.Trim('[', ']');
        }

        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
                SecretMask.Register(builder.Password);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[LibpqKeyword(key)] = value;
        }

        return builder;
    }

    // The libpq parameters people put in URIs, under Npgsql's names; anything else is passed as written.
    private static string LibpqKeyword(string key) => key.ToLowerInvariant() switch
    {
        "sslmode" => "SSL Mode",
        "application_name" => "Application Name",
        "connect_timeout" => "Timeout",
        "options" => "Options",
        "target_session_attrs" => "Target Session Attributes",
        "sslrootcert" => "Root Certificate",
        "sslcert" => "SSL Certificate",
        "sslkey" => "SSL Key",
        "user" => "Username",
        "password" => "Password",
        "dbname" => "Database",
        "host" => "Host",
        "port" => "Port",
        _ => key,
    };
}
