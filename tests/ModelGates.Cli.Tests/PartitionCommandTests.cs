using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>The commands read partitioned data, choose partitions with --partition, and reuse stored partition profiles.</summary>
public sealed class PartitionCommandTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public PartitionCommandTests()
    {
        // Four daily CSV partitions; the amounts move up a little each day.
        for (var day = 1; day <= 4; day++)
        {
            var text = new StringBuilder("amount,city\n");
            for (var i = 0; i < 200; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(i * 37 % 101) + (day * 3)}.5,{(i % 3 == 0 ? "Oslo" : "Lima")}\n");
            }

            dir.Write(Path.Combine("lake", $"day=2026-11-0{day}", "part-0.csv"), text.ToString());
        }
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Profile_reads_the_chosen_partitions_and_a_second_run_reuses_their_profiles()
    {
        var output = dir.File("p.json");

        var cold = CliRunner.Run(dir.Path, "profile", "lake", "--partition", "day>=2026-11-02", "--partition", "day!=2026-11-03", "-o", output);
        var coldBytes = File.ReadAllBytes(output);
        var warm = CliRunner.Run(dir.Path, "profile", "lake", "--partition", "day>=2026-11-02", "--partition", "day!=2026-11-03", "-o", output);

        Assert.True(cold.ExitCode == 0, cold.ToString());
        Assert.Contains("Profiled 2 partitions: 0 reused from .modelgates/partitions, 2 read", cold.Stderr, StringComparison.Ordinal);
        Assert.Contains("Profiled 2 partitions: 2 reused from .modelgates/partitions, 0 read", warm.Stderr, StringComparison.Ordinal);
        Assert.Equal(coldBytes, File.ReadAllBytes(output));
        using var profile = JsonDocument.Parse(coldBytes);
        Assert.Equal(400, profile.RootElement.GetProperty("rows").GetInt64());
        Assert.Contains(profile.RootElement.GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "day");
        Assert.True(Directory.Exists(dir.File(Path.Combine(".modelgates", "partitions"))));
    }

    [Fact]
    public void The_partition_cache_goes_where_it_is_told()
    {
        var result = CliRunner.Run(dir.Path, "profile", "lake", "--partition-cache", "build/cache", "-o", dir.File("p.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, Directory.GetFiles(dir.File(Path.Combine("build", "cache")), "*.profile.json", SearchOption.AllDirectories).Length);
        Assert.False(Directory.Exists(dir.File(".modelgates")));
    }

    [Fact]
    public void Drift_compares_chosen_partitions_of_each_side_and_sees_the_partition_column()
    {
        var result = CliRunner.Run(dir.Path, "drift", "--reference", "lake", "--reference-partition", "day in (2026-11-01, 2026-11-02)", "--current", "lake", "--partition", "day=2026-11-04", "--format", "json");

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        var columns = result.Json().GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("column").GetString()).ToList();
        Assert.Contains("day", columns);
        Assert.Contains("amount", columns);
    }

    [Fact]
    public void An_unknown_partition_key_is_MG0150_and_exit_code_2()
    {
        dir.Write("contract.json", """{ "schemaVersion": 1, "columns": { "amount": { "type": "number", "min": 0 }, "city": { "type": "string", "allowedValues": ["Oslo", "Lima"] }, "day": { "type": "date", "required": true } } }""");

        var validate = CliRunner.Run(dir.Path, "validate", "lake", "--contract", "contract.json", "--partition", "dya=2026-11-01");
        var profile = CliRunner.Run(dir.Path, "profile", "lake", "--partition", "dya=2026-11-01");
        var valid = CliRunner.Run(dir.Path, "validate", "lake", "--contract", "contract.json", "--partition", "day=2026-11-01");

        foreach (var result in new[] { validate, profile })
        {
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("MG0150", result.Stderr + result.Stdout, StringComparison.Ordinal);
            Assert.Contains("Did you mean 'day'?", result.Stderr + result.Stdout, StringComparison.Ordinal);
        }

        Assert.True(valid.ExitCode == 0, valid.ToString());
    }
}
