using System.Security.Cryptography;
using System.Text;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Reporting;
using ModelGates.Inputs;
using ModelGates.Profiles;
using ModelGates.Reports;
using ModelGates.Testing;
using ModelGates.Tests.Drift.Engine;

namespace ModelGates.Tests.Inputs;

/// <summary>
/// The one input pipeline: the fastest faithful reader, hashes beside the read, the unparsed-row rule, and a
/// profile told from data by content, the same for every front end.
/// </summary>
public sealed class InputPipelineTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_plain_csv_pair_is_compared_from_column_arrays_with_the_report_and_charts_a_table_gives()
    {
        var reference = DriftTestData.WritePlain(dir.File("reference.csv"), 3000, seed: 1, shift: 0);
        var current = DriftTestData.WritePlain(dir.File("current.csv"), 2500, seed: 2, shift: 0.6);

        using var direct = new InputPipeline();
        var directCurrent = direct.ReadColumns(new DatasetSource(current));
        var directReport = DriftEngine.Compare(direct.ReadReference(new DatasetSource(reference)), directCurrent);

        // A quote option is beyond the direct reader: both sides go through DuckDB tables.
        using var tables = new InputPipeline();
        var tableCurrent = tables.ReadColumns(TableOnly(current));
        var tableReport = DriftEngine.Compare(tables.ReadReference(TableOnly(reference)), tableCurrent);

        Assert.True(directCurrent.ReadDirectly);
        Assert.False(tableCurrent.ReadDirectly);
        Assert.Equal(Json(tableReport), Json(directReport));
        Assert.Equal(tableReport.Distributions.Keys.Order(), directReport.Distributions.Keys.Order());
        foreach (var (column, distribution) in tableReport.Distributions)
        {
            Assert.Equal(distribution.Labels, directReport.Distributions[column].Labels);
            Assert.Equal(distribution.Reference, directReport.Distributions[column].Reference);
            Assert.Equal(distribution.Current, directReport.Distributions[column].Current);
        }

        Assert.Contains("amount", directReport.Distributions.Keys);
        Assert.Contains("city", directReport.Distributions.Keys);
    }

    [Fact]
    public void The_charts_come_from_the_comparison_s_own_counts()
    {
        var reference = dir.Write("reference.csv", "city\n" + string.Concat(Enumerable.Repeat("Oslo\nLima\n", 50)));
        var current = dir.Write("current.csv", "city\n" + string.Concat(Enumerable.Repeat("Oslo\nOslo\nOslo\nLima\n", 25)));
        using var pipeline = new InputPipeline();

        var report = DriftEngine.Compare(pipeline.ReadReference(new DatasetSource(reference)), pipeline.ReadColumns(new DatasetSource(current)));

        var city = report.Distributions["city"];
        Assert.Equal(["Lima", "Oslo"], city.Labels);
        Assert.Equal([0.5, 0.5], city.Reference);
        Assert.Equal([0.25, 0.75], city.Current);
    }

    [Fact]
    public void Hashes_are_taken_beside_the_read_once_per_file_and_are_the_files_sha256()
    {
        var path = DriftTestData.Write(dir.File("data.csv"), 500, seed: 3);
        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        using var pipeline = new InputPipeline();

        var columns = pipeline.ReadColumns(new DatasetSource(path));
        var table = pipeline.ReadTable(new DatasetSource(path) { AllText = true });

        Assert.Equal(DatasetHash.Prefix + expected, columns.Hash);
        Assert.Equal(columns.Hash, table.Hash);
        Assert.Equal(expected, pipeline.HashOf(path).Sha256);
        Assert.Equal(new FileInfo(path).Length, pipeline.HashOf(path).Bytes);
    }

    [Fact]
    public void A_glob_hashes_every_file_and_the_dataset_as_their_bytes_in_order()
    {
        var first = dir.Write("parts/a.csv", "x\n1\n2\n");
        var second = dir.Write("parts/b.csv", "x\n3\n4\n");
        using var pipeline = new InputPipeline();

        var input = pipeline.ReadColumns(new DatasetSource(Path.Combine(dir.Path, "parts", "*.csv")));

        Assert.Equal(4, input.Rows);
        Assert.Equal([first, second], input.Hashes.Files.Select(f => f.Path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(second))), input.Hashes.Files[1].Sha256);
        Assert.Equal(DatasetHash.Prefix + Convert.ToHexStringLower(SHA256.HashData([.. File.ReadAllBytes(first), .. File.ReadAllBytes(second)])), input.Hash);
        Assert.Equal(input.Hashes.Files[0].Sha256, pipeline.HashOf(first).Sha256);
    }

    [Fact]
    public void A_dataset_is_read_once_per_shape_in_a_run()
    {
        var path = DriftTestData.Write(dir.File("data.csv"), 200, seed: 4);
        using var pipeline = new InputPipeline();

        Assert.Same(pipeline.ReadColumns(new DatasetSource(path)), pipeline.ReadColumns(new DatasetSource(path)));
        Assert.Same(pipeline.ReadTable(new DatasetSource(path)), pipeline.ReadTable(new DatasetSource(path)));
        Assert.NotSame(pipeline.ReadTable(new DatasetSource(path)).Dataset, pipeline.ReadTable(new DatasetSource(path) { AllText = true }).Dataset);
    }

    [Fact]
    public void Rows_of_either_side_that_fail_to_parse_are_part_of_the_drift_report()
    {
        var reference = DriftTestData.Write(dir.File("reference.csv"), 300, seed: 5);
        var lines = File.ReadAllLines(DriftTestData.Write(dir.File("current.csv"), 300, seed: 6)).ToList();
        lines.Insert(10, "1,2,Oslo,true,2024-01-02,n,extra,fields");
        File.WriteAllLines(dir.File("current.csv"), lines);
        using var pipeline = new InputPipeline();

        var report = DriftEngine.Compare(pipeline.ReadReference(new DatasetSource(reference)), pipeline.ReadColumns(new DatasetSource(dir.File("current.csv"))));

        var unparsed = Assert.Single(report.Diagnostics, d => d.Code == "MG2001");
        Assert.Equal(11, unparsed.Line);
        Assert.Equal(dir.File("current.csv"), unparsed.File);
        Assert.False(report.Passed);

        using var tolerant = new InputPipeline();
        var tolerated = DriftEngine.Compare(
            tolerant.ReadReference(new DatasetSource(reference)),
            tolerant.ReadColumns(new DatasetSource(dir.File("current.csv")) { MaxUnparsedRows = 1 }));
        Assert.Equal(Severity.Warning, Assert.Single(tolerated.Diagnostics, d => d.Code == "MG2013").Severity);
    }

    [Fact]
    public void A_profile_is_told_from_data_by_its_content_not_its_name()
    {
        var data = DriftTestData.Write(dir.File("train.csv"), 400, seed: 7);
        var profile = dir.File("reference.profile");
        using (var writer = new InputPipeline())
        {
            File.WriteAllBytes(profile, ProfileJsonWriter.Write(writer.Profile(new DatasetSource(data)).Profile));
        }

        var jsonLines = dir.Write("events.json", "{\"amount\": 1.5, \"city\": \"Oslo\"}\n{\"amount\": 2.5, \"city\": \"Lima\"}\n");
        var onlyKind = dir.Write("other.json", "{\"kind\": \"something else\", \"amount\": 3}\n");

        Assert.True(InputContent.IsProfile(profile));
        Assert.False(InputContent.IsProfile(data));
        Assert.False(InputContent.IsProfile(jsonLines));
        Assert.False(InputContent.IsProfile(onlyKind));
        Assert.False(InputContent.IsProfile(dir.File("missing.json")));

        using var pipeline = new InputPipeline();
        Assert.True(pipeline.ReadReference(new DatasetSource(profile)).IsProfile);
        var fromJsonLines = pipeline.ReadReference(new DatasetSource(jsonLines));
        Assert.False(fromJsonLines.IsProfile);
        Assert.Equal(2, fromJsonLines.Rows);
    }

    [Fact]
    public void A_profile_that_claims_to_be_one_but_is_broken_is_MG0111()
    {
        var broken = dir.Write("broken.json", "{ \"kind\": \"modelgates.profile\", \"rows\": ");
        using var pipeline = new InputPipeline();

        var error = Assert.Throws<DataReadException>(() => pipeline.ReadReference(new DatasetSource(broken)));

        Assert.Equal(("MG0111", 3), (error.Diagnostic.Code, error.ExitCode));
    }

    [Fact]
    public void Missing_data_is_MG0101_with_exit_code_3_whether_data_or_a_profile_was_meant()
    {
        using var pipeline = new InputPipeline();

        var data = Assert.Throws<DataReadException>(() => pipeline.ReadColumns(new DatasetSource(dir.File("nope.csv"))));
        var reference = Assert.Throws<DataReadException>(() => pipeline.ReadReference(new DatasetSource(dir.File("nope.profile.json"))));

        Assert.Equal(("MG0101", 3), (data.Diagnostic.Code, data.ExitCode));
        Assert.Equal(("MG0101", 3), (reference.Diagnostic.Code, reference.ExitCode));
    }

    [Fact]
    public void Phase_lines_name_each_file_as_it_is_read()
    {
        var path = DriftTestData.Write(dir.File("data.csv"), 100, seed: 8);
        var lines = new List<string>();
        using var pipeline = new InputPipeline(lines.Add);

        pipeline.ReadColumns(new DatasetSource(path));
        pipeline.ReadTable(new DatasetSource(path) { AllText = true });

        Assert.Contains(lines, l => l.StartsWith("Reading ", StringComparison.Ordinal) && l.Contains("data.csv", StringComparison.Ordinal) && l.EndsWith(" KB)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Loading as text ", StringComparison.Ordinal) && l.Contains("data.csv", StringComparison.Ordinal));
    }

    private static DatasetSource TableOnly(string path) => new(path) { Csv = new CsvOptions { Quote = "\"" } };

    private static string Json(ModelGates.Drift.Engine.Results.DriftReport report) =>
        Encoding.UTF8.GetString(ResultJson.Build("drift", report.Passed, report.Diagnostics, w => DriftReportJson.WriteBody(w, report)));
}
