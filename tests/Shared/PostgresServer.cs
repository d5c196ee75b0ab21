using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ModelGates.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests: Debian's binaries, a cluster made by <c>initdb</c> in a temporary
/// folder, started by <c>pg_ctl</c> on a free loopback port with password (SCRAM) authentication, stopped and
/// deleted on dispose. PostgreSQL refuses to run as root, so under root the cluster belongs to, and the server
/// runs as, an unprivileged user (<c>postgres</c> where Debian's package created it, otherwise <c>nobody</c>).
/// Use it as an xunit class or collection fixture with <see cref="PostgresFactAttribute"/> on the tests.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>The superuser the tests connect as.</summary>
    public const string User = "mg";

    /// <summary>That user's password (a throwaway cluster; never a real secret).</summary>
    public const string Password = "mg-test-secret-7Q";

    private readonly string root;
    private readonly string dataDirectory;
    private readonly string? runAs;

    /// <summary>Starts the server; throws with the server's log when it cannot.</summary>
    public PostgresServer()
    {
        BinDirectory = FindBinDirectory() ?? throw new InvalidOperationException(PostgresFactAttribute.MissingReason);
        root = Path.Combine(Path.GetTempPath(), "mg-pg-" + Guid.NewGuid().ToString("N")[..12]);
        dataDirectory = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        runAs = Environment.UserName == "root" || IsRoot() ? UnprivilegedUser() : null;
        if (runAs is not null)
        {
            Run("chown", $"{runAs}: {Quote(root)}", asUser: false);
        }

        var passwordFile = Path.Combine(root, "pw");
        File.WriteAllText(passwordFile, Password + "\n");
        if (runAs is not null)
        {
            Run("chown", $"{runAs}: {Quote(passwordFile)}", asUser: false);
        }

        Run(Path.Combine(BinDirectory, "initdb"), $"-D {Quote(dataDirectory)} -U {User} --pwfile={Quote(passwordFile)} --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync");
        Port = FreePort();
        var log = Path.Combine(root, "server.log");
        var options = $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off";
        var started = Run(Path.Combine(BinDirectory, "pg_ctl"), $"-D {Quote(dataDirectory)} -l {Quote(log)} -o \"{options}\" -w -t 60 start", throwOnError: false);
        if (started.ExitCode != 0)
        {
            var serverLog = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            throw new InvalidOperationException($"PostgreSQL did not start: {started.Output}\n{serverLog}");
        }

        ConnectionString = $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database=postgres";
    }

    /// <summary>The folder of <c>initdb</c>, <c>pg_ctl</c> and <c>psql</c>.</summary>
    public string BinDirectory { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>An Npgsql connection string for the superuser and the <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>The same connection string with another database.</summary>
    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database={database}";

    /// <summary>Runs SQL through <c>psql</c> (stops at the first error) and returns what it printed (unaligned, tuples only).</summary>
    public string Psql(string sql, string database = "postgres")
    {
        var script = Path.Combine(root, "script-" + Guid.NewGuid().ToString("N")[..8] + ".sql");
        File.WriteAllText(script, sql, new UTF8Encoding(false));
        try
        {
            var info = new ProcessStartInfo(Path.Combine(BinDirectory, "psql"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", User, "-d", database, "-f", script })
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["PGPASSWORD"] = Password;
            var result = Execute(info);
            return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"psql failed ({result.ExitCode}): {result.Output}");
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Creates a database and returns its connection string.</summary>
    public string CreateDatabase(string name)
    {
        Psql($"CREATE DATABASE \"{name}\";");
        return ConnectionStringFor(name);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Run(Path.Combine(BinDirectory, "pg_ctl"), $"-D {Quote(dataDirectory)} -m immediate -w stop", throwOnError: false);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>The newest Debian PostgreSQL binary folder, or one named by <c>MODELGATES_PG_BIN</c>; null when there is none.</summary>
    public static string? FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("MODELGATES_PG_BIN") is { Length: > 0 } named)
        {
            return File.Exists(Path.Combine(named, "initdb")) ? named : null;
        }

        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
        {
            return null;
        }

        return Directory.GetDirectories(debian)
            .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
            .Where(x => x.Version > 0 && File.Exists(Path.Combine(x.Bin, "initdb")) && File.Exists(Path.Combine(x.Bin, "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Bin)
            .FirstOrDefault();
    }

    private static bool IsRoot()
    {
        try
        {
            var info = new ProcessStartInfo("id", "-u") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output == "0";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string UnprivilegedUser()
    {
        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        return passwd.Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)) ? "postgres" : "nobody";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private (int ExitCode, string Output) Run(string program, string arguments, bool asUser = true, bool throwOnError = true)
    {
        // Through sh so the quoting above holds; under root, runuser drops to the unprivileged owner.
        var command = $"{Quote(program)} {arguments}";
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(asUser && runAs is not null ? $"runuser -u {runAs} -- {command}" : command);
        var result = Execute(info);
        if (throwOnError && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{program} {arguments}' failed ({result.ExitCode}): {result.Output}");
        }

        return result;
    }

    private static (int ExitCode, string Output) Execute(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

/// <summary>
/// A fact that needs <see cref="PostgresServer"/>: skipped, with the reason shown, on a machine without
/// PostgreSQL's binaries, unless <c>MODELGATES_REQUIRE_POSTGRES=1</c> (CI) makes it run and fail instead.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The reason shown when the binaries are missing.</summary>
    public const string MissingReason = "PostgreSQL's server binaries are not installed (apt-get install postgresql, or set MODELGATES_PG_BIN); .ci/run installs them.";

    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the server cannot be had here.</summary>
    public PostgresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("MODELGATES_REQUIRE_POSTGRES") != "1" && PostgresServer.FindBinDirectory() is null)
        {
            Skip = MissingReason;
        }
    }
}

/// <summary>A theory that needs <see cref="PostgresServer"/>, skipped or required as <see cref="PostgresFactAttribute"/> says.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the server cannot be had here.</summary>
    public PostgresTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("MODELGATES_REQUIRE_POSTGRES") != "1" && PostgresServer.FindBinDirectory() is null)
        {
            Skip = PostgresFactAttribute.MissingReason;
        }
    }
}
