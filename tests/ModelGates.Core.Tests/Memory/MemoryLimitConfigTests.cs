using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Gates;
using ModelGates.Gates.Config;
using ModelGates.Inputs;
using ModelGates.Memory;
using ModelGates.Profiles;
using ModelGates.Testing;

namespace ModelGates.Tests.Memory;

/// <summary>
/// <c>"memoryLimit"</c> in modelgates.json: read and checked at its line, applied to every gate of a run (a drift gate
/// over a file whose number columns exceed it streams the file), and overridden by the command line's limit.
/// </summary>
public sealed class MemoryLimitConfigTests : IDisposable
{
    // 250,000 rows of 10 number columns: 20 MB as doubles, beyond a 16 MB limit and within the 256 MB default.
    private const int Rows = 250_000;
    private const int Columns = 10;

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_config_s_limit_is_read_in_powers_of_1024()
    {
        var config = GatesConfigReader.Read(Config("\"memoryLimit\": \"1.5GB\","));

        Assert.Equal(3L << 29, config.MemoryLimit!.Bytes);
        Assert.True(config.MemoryLimit.IsExplicit);
        Assert.Null(GatesConfigReader.Read(Config(string.Empty)).MemoryLimit);
    }

    [Theory]
    [InlineData("\"2 gigs\"")]
    [InlineData("\"8MB\"")]
    public void A_limit_that_is_not_a_size_of_16_MB_is_MG0160_at_the_key_s_line(string value)
    {
        var path = Config($"\"memoryLimit\": {value},");

        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path));
        var limitOnly = Assert.Throws<ConfigurationException>(() => GatesConfigReader.ReadMemoryLimit(path));

        foreach (var diagnostics in new[] { error.Diagnostics, limitOnly.Diagnostics })
        {
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal("MG0160", diagnostic.Code);
            Assert.Equal(3, diagnostic.Line);
            Assert.Equal(2, error.ExitCode);
        }
    }

    [Fact]
    public void A_limit_written_as_a_number_is_a_wrong_type_at_its_line()
    {
        var error = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(Config("\"memoryLimit\": 512,")));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCatalog.WrongType.Code, diagnostic.Code);
        Assert.Equal(3, diagnostic.Line);
    }

    [Fact]
    public void Every_gate_runs_under_the_config_s_limit_and_the_command_line_s_limit_overrides_it()
    {
        WriteData();

        var underConfig = Phases(Config("\"memoryLimit\": \"16MB\",", gate: true), options: null);
        var underDefault = Phases(Config(string.Empty, gate: true), options: null);
        var overridden = Phases(Config("\"memoryLimit\": \"16MB\",", gate: true), MemoryLimit.Parse("1GB"));

        Assert.Contains(underConfig, p => p.StartsWith("Streaming", StringComparison.Ordinal) && p.Contains("current.csv", StringComparison.Ordinal));
        Assert.DoesNotContain(underDefault, p => p.StartsWith("Streaming", StringComparison.Ordinal));
        Assert.DoesNotContain(overridden, p => p.StartsWith("Streaming", StringComparison.Ordinal));
    }

    private List<string> Phases(string configPath, MemoryLimit? options)
    {
        var phases = new List<string>();
        var report = GateRunner.Run(GatesConfigReader.Read(configPath), new GateRunOptions { Progress = phases.Add, MemoryLimit = options });
        var gate = Assert.Single(report.Gates);
        Assert.True(gate.Checks.Count >= Columns, string.Join(", ", gate.Checks.Select(c => c.Id)));
        return phases;
    }

    // A reference of 1,000 rows profiled exactly, and a current file of many rows from the same distribution.
    private void WriteData()
    {
        File.WriteAllText(directory.File("reference.csv"), Csv(1_000, seed: 1));
        File.WriteAllText(directory.File("current.csv"), Csv(Rows, seed: 2));
        using var pipeline = new InputPipeline();
        File.WriteAllBytes(directory.File("reference.profile.json"), ProfileJsonWriter.Write(pipeline.Profile(new DatasetSource(directory.File("reference.csv"))).Profile));
    }

    private static string Csv(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(string.Join(',', Enumerable.Range(0, Columns).Select(c => $"x{c}"))).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                text.Append(c == 0 ? string.Empty : ",").Append(random.Next(1000).ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    // The limit (or nothing) is written on line 3; the gate, when asked for, reads the files of WriteData.
    private string Config(string limitLine, bool gate = false)
    {
        var path = directory.File("modelgates.json");
        var gates = gate
            ? """
              "datasets": { "current": { "path": "current.csv" } },
              "drift": { "sameSource": { "reference": "reference.profile.json", "current": "current" } }
              """
            : "\"description\": \"no gates\"";
        File.WriteAllText(path, $$"""
            {
              "schemaVersion": 1,
              {{limitLine}}
              {{gates}}
            }
            """);
        return path;
    }
}
