// Pushdown benchmark: one step per process, so that /usr/bin/time measures each step's wall time and peak memory.
// The connection string comes from MODELGATES_BENCH_PG (host 127.0.0.1); every byte the server sends is counted
// by a relay inside this process that the connection goes through. Usage:
//   profile-pushdown <table> <out.json>      profile the table in the engine (PushdownProfiler.Profile)
//   drift-pushdown <table> <profile.json>    drift gate of the table against a stored profile (DriftEngine.Compare over a session)
//   pull <table> <out.csv>                   COPY (SELECT * FROM table) TO STDOUT as CSV into a local file
//   profile-file <csv> <out.json>            what `modelgates profile` does with the pulled file (InputPipeline.Profile)
//   drift-file <profile.json> <csv>          what `modelgates drift` does with the pulled file
// This program calls the entry points directly because the CLI's database datasets are wired by another branch.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Sources;
using ModelGates.Sql;
using ModelGates.Sql.Pushdown;
using Npgsql;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: <step> <argument> <argument>");
    return 2;
}

var relay = new CountingRelay(Environment.GetEnvironmentVariable("MODELGATES_BENCH_PG") ?? string.Empty);
var connection = relay.ConnectionString;
var watch = Stopwatch.StartNew();
Action<string> progress = line => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {watch.Elapsed.TotalSeconds,8:F1} s  {line}"));
string detail;
switch (args[0])
{
    case "profile-pushdown":
    {
        using var session = PostgresSession.Open("bench", connection, TimeSpan.FromHours(2));
        var runner = PushdownRunner.Over(session);
        var profile = PushdownProfiler.Profile(runner, SqlRelation.OfTable(args[1]), null, progress, session.Provider, null);
        File.WriteAllBytes(args[2], ProfileJsonWriter.Write(profile));
        detail = $"queries={runner.Queries} rows_received={runner.RowsReceived} columns={profile.Columns.Count} rows={profile.Rows}";
        break;
    }

    case "drift-pushdown":
    {
        var reference = DriftReference.ReadProfile(args[2]);
        using var session = PostgresSession.Open("bench", connection, TimeSpan.FromHours(2));
        var runner = PushdownRunner.Over(session);
        var report = DriftEngine.Compare(reference, runner, SqlRelation.OfTable(args[1]), session.Provider, null, progress);
        detail = $"queries={runner.Queries} rows_received={runner.RowsReceived} drifted={report.Columns.Count(c => c.ValueDrifted)} dataset_drift={report.DatasetDrift}";
        break;
    }

    case "pull":
    {
        using var npgsql = new NpgsqlConnection(connection);
        npgsql.Open();
        using (var output = new StreamWriter(args[2], false, new System.Text.UTF8Encoding(false), 1 << 20))
        using (var reader = npgsql.BeginTextExport($"COPY (SELECT * FROM {args[1]}) TO STDOUT WITH (FORMAT csv, HEADER true)"))
        {
            var buffer = new char[1 << 20];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
            }
        }

        detail = "bytes_of_csv=" + new FileInfo(args[2]).Length.ToString(CultureInfo.InvariantCulture);
        break;
    }

    case "profile-file":
    {
        using var pipeline = new InputPipeline();
        var profile = pipeline.Profile(new DatasetSource(args[1])).Profile;
        File.WriteAllBytes(args[2], ProfileJsonWriter.Write(profile));
        detail = $"columns={profile.Columns.Count} rows={profile.Rows}";
        break;
    }

    case "drift-file":
    {
        using var pipeline = new InputPipeline();
        var reference = DriftReference.ReadProfile(args[1]);
        var report = DriftEngine.Compare(reference, pipeline.ReadColumns(new DatasetSource(args[2])));
        detail = $"drifted={report.Columns.Count(c => c.ValueDrifted)} dataset_drift={report.DatasetDrift}";
        break;
    }

    default:
        Console.Error.WriteLine("unknown step " + args[0]);
        return 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step={args[0]} seconds={watch.Elapsed.TotalSeconds:F2} bytes_from_server={relay.FromServer} bytes_to_server={relay.ToServer} {detail}"));
return 0;

/// <summary>A loopback relay between Npgsql and the server that counts the bytes each way (the wire, protocol overhead included).</summary>
internal sealed class CountingRelay
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int serverPort;
    private long fromServer;
    private long toServer;

    public CountingRelay(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        serverPort = builder.Port;
        listener.Start();
        builder.Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        builder.SslMode = SslMode.Disable;
        ConnectionString = builder.ConnectionString;
        _ = Task.Run(AcceptLoop);
    }

    public string ConnectionString { get; }

    public long FromServer => Interlocked.Read(ref fromServer);

    public long ToServer => Interlocked.Read(ref toServer);

    private async Task AcceptLoop()
    {
        while (true)
        {
            var client = await listener.AcceptTcpClientAsync();
            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, serverPort);
            _ = Pump(client.GetStream(), server.GetStream(), fromClient: true);
            _ = Pump(server.GetStream(), client.GetStream(), fromClient: false);
        }
    }

    private async Task Pump(NetworkStream from, NetworkStream to, bool fromClient)
    {
        var buffer = new byte[1 << 16];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                if (fromClient)
                {
                    Interlocked.Add(ref toServer, read);
                }
                else
                {
                    Interlocked.Add(ref fromServer, read);
                }

                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
