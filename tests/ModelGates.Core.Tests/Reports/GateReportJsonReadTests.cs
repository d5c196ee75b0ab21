using System.Text;
using ModelGates.Checks;
using ModelGates.Diagnostics;
using ModelGates.Drift.Engine.Results;
using ModelGates.Gates;
using ModelGates.Models.Evaluation.Thresholds;
using ModelGates.Reports;
using ModelGates.Reports.Html;

namespace ModelGates.Tests.Reports;

/// <summary>
/// The JSON result read back (<see cref="GateReportJson.Read(string, string)"/>) is the report it was written from:
/// writing it again gives the same bytes, and the HTML rendered from it is the run's own. A file that is not a
/// check result of this schema version is a diagnostic at its line.
/// </summary>
public sealed class GateReportJsonReadTests(EveryGateKindReport run) : IClassFixture<EveryGateKindReport>
{
    [Fact]
    public void The_run_holds_every_gate_kind_and_every_status()
    {
        var report = run.Report;

        Assert.Equal(["contract", "drift", "model", "lineage"], report.Gates.Select(g => g.Kind).Distinct());
        var drift = report.Gates.Select(g => g.Details).OfType<DriftGateDetails>().ToList();
        Assert.Contains(drift, d => d.Reference.IsProfile && d.Columns.Any(c => c.Distribution is not null));
        Assert.Contains(drift, d => !d.Reference.IsProfile && d.Columns.Any(c => c.Status == ColumnDriftStatus.Drift && c.Distribution is not null && c.EffectInterval is not null));
        var model = Assert.Single(report.Gates.Select(g => g.Details).OfType<ModelGateDetails>());
        Assert.NotNull(model.Curves);
        Assert.NotNull(model.Confusion);
        Assert.Contains(model.Metrics, m => m.Baseline is not null && m.Interval is not null);
        Assert.NotEmpty(model.Slices);
        Assert.NotEmpty(model.Gaps);
        Assert.NotEmpty(model.WeakSegments!.Segments);
        Assert.Equal(
            [("auc", ThresholdKind.MaxDrop, ThresholdStatus.Failed, true), ("auc", ThresholdKind.MaxRelativeDrop, ThresholdStatus.Passed, false), ("recall", ThresholdKind.MaxDrop, ThresholdStatus.Passed, true)],
            model.Changes.Select(c => (c.Metric, c.Kind, c.Status, c.ExceedsBound)));
        Assert.All(model.Changes, c => Assert.True(c.Significance is { DropLowerBound: not null }, $"{c.Metric} {c.Kind}: {c.Significance}"));
        foreach (var status in new[] { CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Warned, CheckStatus.Waived, CheckStatus.Insufficient })
        {
            Assert.Contains(report.Checks, c => c.Status == status);
        }

        Assert.Contains(report.Checks, c => c.Diagnostic is { Examples.Count: > 0 });
        Assert.Contains(report.Gates, g => g.Facts.Any(f => Path.IsPathRooted(f.Value)));
    }

    [Fact]
    public void Writing_a_result_read_back_gives_the_same_bytes()
    {
        var written = GateReportJson.Write(run.Report);

        var read = GateReportJson.Read(Encoding.UTF8.GetString(written), GateReportFiles.JsonName);

        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(GateReportJson.Write(read)));
    }

    [Fact]
    public void The_html_rendered_from_a_result_read_back_is_the_html_of_the_run()
    {
        var read = GateReportJson.Read(Encoding.UTF8.GetString(GateReportJson.Write(run.Report)), GateReportFiles.JsonName);

        Assert.Equal(HtmlReportWriter.Render(run.Report), HtmlReportWriter.Render(read));
    }

    [Fact]
    public void The_markdown_summary_from_a_result_read_back_is_the_summary_of_the_run()
    {
        var read = GateReportJson.Read(Encoding.UTF8.GetString(GateReportJson.Write(run.Report)), GateReportFiles.JsonName);

        var markdown = GateReportMarkdown.Write(read);

        Assert.Equal(GateReportMarkdown.Write(run.Report), markdown);
        Assert.Contains("| change threshold | measured | allowed | one-sided 95 % lower bound | p | verdict |", markdown, StringComparison.Ordinal);
        foreach (var verdict in new[] { "| regressed |", "| within the allowance |", "| not significant |" })
        {
            Assert.Contains(verdict, markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_change_thresholds_read_back_are_the_runs_with_their_significance()
    {
        var read = GateReportJson.Read(Encoding.UTF8.GetString(GateReportJson.Write(run.Report)), GateReportFiles.JsonName);

        var original = run.Report.Gates.Select(g => g.Details).OfType<ModelGateDetails>().Single().Changes;
        var changes = read.Gates.Select(g => g.Details).OfType<ModelGateDetails>().Single().Changes;
        Assert.Equal(original, changes);
        Assert.Equal("one-sided 95 % lower bound", changes[0].Significance!.BoundLabel);
    }

    [Fact]
    public void A_significance_that_disagrees_with_its_p_value_is_MG0018_at_its_line()
    {
        var lines = Encoding.UTF8.GetString(GateReportJson.Write(run.Report)).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("\"significant\": true", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("true", "false", StringComparison.Ordinal);

        var diagnostic = ReadFails(string.Join('\n', lines));

        Assert.Equal((index + 1, "MG0018"), (diagnostic.Line, diagnostic.Code));
        Assert.Contains("'significant' must agree with 'pValue' ≤ 'alpha'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_read_back_holds_its_paths_relative_to_the_config_folder_and_its_values_typed()
    {
        var read = GateReportJson.Read(Encoding.UTF8.GetString(GateReportJson.Write(run.Report)), GateReportFiles.JsonName);

        Assert.Equal("modelgates.json", read.ConfigFile);
        Assert.Equal(run.Report.Time, read.Time);
        Assert.Contains(read.Inputs, i => i.Path == "data/train.csv");
        var drift = read.Gates.Single(g => g.Name == "against the training data");
        var details = Assert.IsType<DriftGateDetails>(drift.Details);
        Assert.Equal(("data/train.csv", "data/drifted.csv"), (details.Reference.Path, details.Current.Path));
        var original = (DriftGateDetails)run.Report.Gates.Single(g => g.Name == "against the training data").Details!;
        Assert.Equal(original.Columns.Select(c => (c.Column, c.Status, c.Effect)), details.Columns.Select(c => (c.Column, c.Status, c.Effect)));
        Assert.Equal(original.Columns[0].Distribution!.Reference, details.Columns[0].Distribution!.Reference);
        var max = read.Checks.Single(c => c.Id == "contract:small/x/max");
        Assert.Equal((CheckStatus.Failed, "contracts/small.contract.json", 2), (max.Status, max.Diagnostic!.File, max.Diagnostic.Line));
        Assert.Equal(new ExampleRow(2, "12", null, 3), Assert.Single(max.Diagnostic.Examples));
        Assert.All(read.Diagnostics, d => Assert.False(d.File is { } f && Path.IsPathRooted(f), d.File));
        Assert.Equal(run.Report.Passed, read.Passed);
    }

    [Fact]
    public void A_result_of_another_schema_version_is_MG0016_at_its_line()
    {
        var text = Encoding.UTF8.GetString(GateReportJson.Write(run.Report)).Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 2,", StringComparison.Ordinal);

        var diagnostic = ReadFails(text);

        Assert.Equal("MG0016", diagnostic.Code);
        Assert.Equal(2, diagnostic.Line);
        Assert.Contains("Result schema version 2 is not supported; this tool reads version 1.", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_result_of_another_command_is_MG0018()
    {
        var drift = Encoding.UTF8.GetString(ResultJson.Build("drift", passed: true, []));

        var diagnostic = ReadFails(drift);

        Assert.Equal("MG0018", diagnostic.Code);
        Assert.Contains("is not the JSON result of 'modelgates check'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_JSON_is_MG0018_at_the_line_where_it_breaks()
    {
        var diagnostic = ReadFails("{\n  \"schemaVersion\": 1,\n  \"command\": \"check\",\n  oops\n}\n");

        Assert.Equal("MG0018", diagnostic.Code);
        Assert.Equal(4, diagnostic.Line);
        Assert.Contains("is not valid JSON", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_the_writer_never_writes_is_MG0018_at_its_line_naming_what_is_allowed()
    {
        var lines = Encoding.UTF8.GetString(GateReportJson.Write(run.Report)).Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("\"status\": \"waived\"", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("waived", "forgiven", StringComparison.Ordinal);

        var diagnostic = ReadFails(string.Join('\n', lines));

        Assert.Equal("MG0018", diagnostic.Code);
        Assert.Equal(index + 1, diagnostic.Line);
        Assert.Contains("'status' must be one of passed, failed, warned, waived, insufficient, skipped, not 'forgiven'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_property_is_MG0018_naming_it()
    {
        var lines = Encoding.UTF8.GetString(GateReportJson.Write(run.Report)).Split('\n').Where(l => !l.Contains("\"toolVersion\"", StringComparison.Ordinal));

        var diagnostic = ReadFails(string.Join('\n', lines));

        Assert.Equal("MG0018", diagnostic.Code);
        Assert.Equal(1, diagnostic.Line);
        Assert.Contains("the object has no 'toolVersion'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_where_a_text_belongs_is_MG0018_at_its_line()
    {
        var lines = Encoding.UTF8.GetString(GateReportJson.Write(run.Report)).Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("\"kind\": \"drift\"", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("\"drift\"", "3", StringComparison.Ordinal);

        var diagnostic = ReadFails(string.Join('\n', lines));

        Assert.Equal((index + 1, "MG0018"), (diagnostic.Line, diagnostic.Code));
        Assert.Contains("'kind' must be a string, not number", diagnostic.Message, StringComparison.Ordinal);
    }

    private static Diagnostic ReadFails(string text)
    {
        var error = Assert.Throws<ConfigurationException>(() => GateReportJson.Read(text, "result.json"));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("result.json", diagnostic.File);
        return diagnostic;
    }
}
