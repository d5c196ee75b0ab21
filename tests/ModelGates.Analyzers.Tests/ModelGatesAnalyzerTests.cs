using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ModelGates.Analyzers.Tests.Infrastructure;

namespace ModelGates.Analyzers.Tests;

/// <summary>
/// The package's analyzers run every rule: the per-rule tests each disable the other rules, these run them all
/// at once over one file, with nothing disabled and with some rules turned off in .editorconfig.
/// </summary>
public sealed class ModelGatesAnalyzerTests
{
    private const string EveryMistake = """
        using System;
        using System.Linq;
        using Microsoft.ML;
        using Microsoft.ML.AutoML;

        public static class Trainer
        {
            public static void Train(Row[] rows)
            {
                var ml = {|#0:new MLContext()|};
                var random = {|#1:new Random()|};
                var data = ml.Data.LoadFromEnumerable(rows.OrderBy(_ => random.Next()).ToArray());
                var model = {|#2:ml.BinaryClassification.Trainers.SdcaLogisticRegression()|}.Fit(data);
                {|#3:ml.Model.Save(model, data.Schema, "model.zip")|};
            }

            public static void Copy(MLContext ml, ITransformer model) => ml.Model.Save(model, {|#4:null|}, "copy.zip");

            public static IEstimator<ITransformer> Build(MLContext ml) => {|#5:ml.Regression.Trainers.Sdca()|};

            public static AutoMLExperiment Search() =>
                {|#6:new AutoMLExperiment(new MLContext(), new AutoMLExperiment.AutoMLExperimentSettings { MaxExperimentTimeInSeconds = 60 })|};
        }

        public sealed class Row
        {
            public float A { get; set; }
            public bool Label { get; set; }
        }
        """;

    [Fact]
    public Task EveryRule_ReportsInTheSameFile() => RunAsync(
        editorConfig: null,
        Expect(RuleIdentifiers.SeedTheMLContext, DiagnosticSeverity.Warning, 0),
        Expect(RuleIdentifiers.DoNotUseUnseededRandomnessInTrainingCode, DiagnosticSeverity.Warning, 1),
        Expect(RuleIdentifiers.UseDeterministicTrainerSettings, DiagnosticSeverity.Warning, 2),
        Expect(RuleIdentifiers.SaveModelWithLineage, DiagnosticSeverity.Info, 3),
        Expect(RuleIdentifiers.SaveModelWithInputSchema, DiagnosticSeverity.Warning, 4),
        Expect(RuleIdentifiers.UseDeterministicTrainerSettings, DiagnosticSeverity.Warning, 5),
        Expect(RuleIdentifiers.SeedAutoMLExperiments, DiagnosticSeverity.Warning, 6));

    [Fact]
    public Task RulesDisabledInEditorConfig_LeaveTheOthersOn() => RunAsync(
        "dotnet_diagnostic.MG1001.severity = none\ndotnet_diagnostic.MG1003.severity = none",
        Expect(RuleIdentifiers.DoNotUseUnseededRandomnessInTrainingCode, DiagnosticSeverity.Warning, 1),
        Expect(RuleIdentifiers.UseDeterministicTrainerSettings, DiagnosticSeverity.Warning, 2),
        Expect(RuleIdentifiers.SaveModelWithInputSchema, DiagnosticSeverity.Warning, 4),
        Expect(RuleIdentifiers.UseDeterministicTrainerSettings, DiagnosticSeverity.Warning, 5),
        Expect(RuleIdentifiers.SeedAutoMLExperiments, DiagnosticSeverity.Warning, 6));

    private static DiagnosticResult Expect(string id, DiagnosticSeverity severity, int location) =>
        new DiagnosticResult(id, severity).WithLocation(location);

    private static Task RunAsync(string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new PackageAnalyzerTest { TestCode = EveryMistake };
        test.ExpectedDiagnostics.AddRange(expected);
        new TestProject(AutoMLStub: true, EditorConfig: editorConfig).ApplyTo(test.TestState);
        return test.RunAsync();
    }

    private sealed class PackageAnalyzerTest : CSharpAnalyzerTest<ModelGatesAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => PackageAnalyzers.Create();
    }
}
