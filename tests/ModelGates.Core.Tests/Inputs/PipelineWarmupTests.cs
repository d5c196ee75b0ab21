using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Reporting;
using ModelGates.Inputs;
using ModelGates.Reports;
using ModelGates.Testing;
using ModelGates.Tests.Drift.Engine;

namespace ModelGates.Tests.Inputs;

/// <summary>The warm-up a front end starts first thing: it compiles what it says, and a warmed run compares as a cold one.</summary>
public sealed class PipelineWarmupTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Every_hot_type_has_methods_the_warmup_compiles_the_parse_loop_among_them()
    {
        var methods = PipelineWarmup.HotMethods().ToList();

        // A type whose loops lost their AggressiveOptimization (now ReadyToRun code) no longer belongs in the list.
        Assert.All(PipelineWarmup.HotTypes, t => Assert.Contains(methods, m => m.DeclaringType == t));
        Assert.Contains(methods, m => m.DeclaringType == typeof(ModelGates.Data.Direct.CsvRangeReader) && m.Name == "ReadRecords");
        Assert.Contains(methods, m => m.DeclaringType == typeof(ModelGates.Statistics.DoubleRadixSort) && m.Name == "Scatter");
    }

    [Fact]
    public void A_pipeline_after_the_warmup_compares_as_a_pipeline_without_it()
    {
        var reference = DriftTestData.WritePlain(dir.File("reference.csv"), 2000, seed: 1, shift: 0);
        var current = DriftTestData.WritePlain(dir.File("current.csv"), 1500, seed: 2, shift: 0.4);
        string Compare()
        {
            using var pipeline = new InputPipeline();
            var report = DriftEngine.Compare(pipeline.ReadReference(new DatasetSource(reference)), pipeline.ReadColumns(new DatasetSource(current)));
            return System.Text.Encoding.UTF8.GetString(ResultJson.Build("drift", report.Passed, report.Diagnostics, w => DriftReportJson.WriteBody(w, report)));
        }

        var cold = Compare();
        InputPipeline.WarmUp();
        InputPipeline.WarmUp();
        var warm = Compare();

        Assert.Equal(cold, warm);
        Assert.Contains("\"amount\"", warm, StringComparison.Ordinal);

        // The warmed engine went to a pipeline (this one or another test's): none is left waiting.
        Assert.Null(PipelineWarmup.TakeEngine());
    }
}
