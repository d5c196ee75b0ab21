using ModelGates.Analyzers.CodeFixes;
using Verifier = ModelGates.Analyzers.Tests.Infrastructure.Verify<ModelGates.Analyzers.Rules.SaveModelWithInputSchemaRule>;

namespace ModelGates.Analyzers.Tests.Rules;

public sealed class SaveModelWithInputSchemaRuleTests
{
    [Fact]
    public Task SaveWithNullSchema_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Saver
        {
            public static void Save(MLContext ml, ITransformer model) => ml.Model.Save(model, [|null|], "model.zip");
        }
        """);

    [Fact]
    public Task SaveToStreamWithDefaultSchema_Triggers() => Verifier.AnalyzerAsync("""
        using System.IO;
        using Microsoft.ML;

        public static class Saver
        {
            public static void Save(MLContext ml, ITransformer model, Stream stream) => ml.Model.Save(model, [|default|], stream);
        }
        """);

    [Fact]
    public Task SaveWithSchema_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Saver
        {
            public static void Save(MLContext ml, ITransformer model, IDataView data) => ml.Model.Save(model, data.Schema, "model.zip");
        }
        """);

    [Fact]
    public Task SaveWithSchemaVariable_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Saver
        {
            public static void Save(MLContext ml, ITransformer model, DataViewSchema schema) => ml.Model.Save(model, schema, "model.zip");
        }
        """);

    [Fact]
    public Task Fix_PassesTheSchemaOfTheFittedData_AndFixAllFixesEverySave() => Verifier.CodeFixAsync<SaveModelWithInputSchemaCodeFixProvider>("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView trainData)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(trainData);
                ml.Model.Save(model, [|null|], "model.zip");
                ml.Model.Save(model, [|null|], "copy.zip");
            }
        }
        """, """
        using Microsoft.ML;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView trainData)
            {
                var model = ml.Transforms.Concatenate("Features", "A").Fit(trainData);
                ml.Model.Save(model, trainData.Schema, "model.zip");
                ml.Model.Save(model, trainData.Schema, "copy.zip");
            }
        }
        """);

    [Fact]
    public Task Fix_UsesTheSplitTrainSetTheModelWasFittedOn() => Verifier.CodeFixAsync<SaveModelWithInputSchemaCodeFixProvider>("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView all)
            {
                var split = ml.Data.TrainTestSplit(all, testFraction: 0.2);
                var pipeline = ml.Transforms.Concatenate("Features", "A");
                var probe = pipeline.Fit(split.TestSet);
                var model = pipeline.Fit(split.TrainSet);
                ml.Model.Save(model, [|null|], "model.zip");
            }
        }
        """, """
        using Microsoft.ML;

        public static class Trainer
        {
            public static void Train(MLContext ml, IDataView all)
            {
                var split = ml.Data.TrainTestSplit(all, testFraction: 0.2);
                var pipeline = ml.Transforms.Concatenate("Features", "A");
                var probe = pipeline.Fit(split.TestSet);
                var model = pipeline.Fit(split.TrainSet);
                ml.Model.Save(model, split.TrainSet.Schema, "model.zip");
            }
        }
        """);

    [Fact]
    public Task Fix_IsNotOfferedWhenNoTrainingDataIsInScope() => Verifier.NoCodeFixAsync<SaveModelWithInputSchemaCodeFixProvider>("""
        using Microsoft.ML;

        public static class Saver
        {
            public static void Save(MLContext ml, ITransformer model) => ml.Model.Save(model, [|null|], "model.zip");
        }
        """);
}
