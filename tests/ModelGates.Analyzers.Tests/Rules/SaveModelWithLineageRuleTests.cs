using ModelGates.Analyzers.CodeFixes;
using ModelGates.Analyzers.Tests.Infrastructure;
using Verifier = ModelGates.Analyzers.Tests.Infrastructure.Verify<ModelGates.Analyzers.Rules.SaveModelWithLineageRule>;

namespace ModelGates.Analyzers.Tests.Rules;

public sealed class SaveModelWithLineageRuleTests
{
    private static readonly TestProject WithLineage = new(Lineage: true);

    [Fact]
    public Task PlainSave_InMethodThatTrains_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView data)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(data);
                [|ml.Model.Save(model, data.Schema, "model.zip")|];
            }
        }
        """);

    [Fact]
    public Task PlainSave_InMethodThatDoesNotTrain_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Converter
        {
            public static void Copy(MLContext ml, string from, string to)
            {
                var model = ml.Model.Load(from, out var schema);
                ml.Model.Save(model, schema, to);
            }
        }
        """);

    [Fact]
    public Task LineageSave_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using ModelGates.Lineage;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView data)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(data);
                ModelLineage.Save(ml, model, data.Schema, "model.zip");
            }
        }
        """, WithLineage);

    [Fact]
    public Task Fix_CallsModelLineageSave_AddsTheUsing_AndFixAllFixesEverySave() => Verifier.CodeFixAsync<SaveModelWithLineageCodeFixProvider>("""
        using System.IO;
        using Microsoft.ML;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView data)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(data);
                [|ml.Model.Save(model, data.Schema, "model.zip")|];
                [|ml.Model.Save(model, data.Schema, Path.Combine("out", "model.zip"))|];
            }
        }
        """, """
        using System.IO;
        using Microsoft.ML;
        using ModelGates.Lineage;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView data)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(data);
                ModelLineage.Save(ml, model, data.Schema, "model.zip");
                ModelLineage.Save(ml, model, data.Schema, Path.Combine("out", "model.zip"));
            }
        }
        """, WithLineage);

    [Fact]
    public Task Fix_FillsInTheTrainingSchemaWhenTheSaveHadNone() => Verifier.CodeFixAsync<SaveModelWithLineageCodeFixProvider>("""
        using Microsoft.ML;
        using ModelGates.Lineage;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView trainData)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(trainData);
                [|ml.Model.Save(model, null, "model.zip")|];
            }
        }
        """, """
        using Microsoft.ML;
        using ModelGates.Lineage;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView trainData)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(trainData);
                ModelLineage.Save(ml, model, trainData.Schema, "model.zip");
            }
        }
        """, WithLineage);

    [Fact]
    public Task Fix_IsNotOfferedWithoutModelGatesLineage() => Verifier.NoCodeFixAsync<SaveModelWithLineageCodeFixProvider>("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView data)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(data);
                [|ml.Model.Save(model, data.Schema, "model.zip")|];
            }
        }
        """);

    [Fact]
    public Task Fix_IsNotOfferedForTheStreamOverload() => Verifier.NoCodeFixAsync<SaveModelWithLineageCodeFixProvider>("""
        using System.IO;
        using Microsoft.ML;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView data, Stream stream)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(data);
                [|ml.Model.Save(model, data.Schema, stream)|];
            }
        }
        """, WithLineage);
}
