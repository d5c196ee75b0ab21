using ModelGates.Analyzers.CodeFixes;
using ModelGates.Analyzers.Tests.Infrastructure;
using Verifier = ModelGates.Analyzers.Tests.Infrastructure.Verify<ModelGates.Analyzers.Rules.SeedTheMLContextRule>;

namespace ModelGates.Analyzers.Tests.Rules;

/// <summary>
/// MG1001 when the unseeded context's randomness feeds a random split or shuffle of the training data
/// (TrainTestSplit, CrossValidationSplit, ShuffleRows, a catalog's CrossValidate), even where the training call
/// itself cannot be bound: AutoML that is not restored, a trainer of another assembly (issue 15 g).
/// </summary>
public sealed class SeedTheMLContextRandomSplitTests
{
    /// <summary>The shape of dotnet/machinelearning-samples MLNET2/AutoMLQuickStart: top-level statements, AutoML's sweepable pipeline.</summary>
    private const string AutoMLQuickStartShape = """
        using Microsoft.ML;
        using Microsoft.ML.AutoML;
        using Microsoft.ML.Data;
        using static Microsoft.ML.DataOperationsCatalog;

        MLContext context = [|new MLContext()|];
        ColumnInferenceResults inferred = context.Auto().InferColumns("fares.csv", labelColumnName: "fare", groupColumns: false);
        TextLoader reader = context.Data.CreateTextLoader(inferred.TextLoaderOptions);
        IDataView rows = reader.Load("fares.csv");
        TrainTestData split = context.Data.TrainTestSplit(rows, testFraction: 0.2);
        SweepablePipeline sweep = context.Auto().Featurizer(rows, columnInformation: inferred.ColumnInformation)
            .Append(context.Auto().Regression(labelColumnName: inferred.ColumnInformation.LabelColumnName));
        AutoMLExperiment experiment = context.Auto().CreateExperiment();
        experiment
            .SetPipeline(sweep)
            .SetRegressionMetric(RegressionMetric.RSquared, labelColumn: inferred.ColumnInformation.LabelColumnName)
            .SetTrainingTimeInSeconds(30)
            .SetDataset(split);
        TrialResult best = await experiment.RunAsync();
        var model = best.Model;
        """;

    [Fact]
    public Task AutoMLQuickStart_WithAutoMLReferenced_Triggers() =>
        Verifier.AnalyzerAsync(AutoMLQuickStartShape, new TestProject(AutoMLStub: true, Executable: true));

    [Fact]
    public Task AutoMLQuickStart_WhoseAutoMLCannotBeBound_TriggersThroughItsSplit() =>
        Verifier.AnalyzerAsync(AutoMLQuickStartShape, new TestProject(Executable: true, CompilerErrorsExpected: true));

    [Fact]
    public Task AutoMLQuickStart_Fix_SeedsTheContext() => Verifier.CodeFixAsync<SeedTheMLContextCodeFixProvider>(
        AutoMLQuickStartShape,
        AutoMLQuickStartShape.Replace("[|new MLContext()|]", "new MLContext(seed: 0)", StringComparison.Ordinal),
        new TestProject(Executable: true, CompilerErrorsExpected: true));

    [Fact]
    public Task TrainTestSplit_BeforeATrainerOfAnotherLibrary_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public interface ITrainer
        {
            ITransformer Train(IDataView training);
        }

        public static class Training
        {
            public static ITransformer Run(IDataView data, ITrainer trainer)
            {
                var ml = [|new MLContext()|];
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                return trainer.Train(split.TrainSet);
            }
        }
        """);

    [Fact]
    public Task CrossValidationSplit_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Folds
        {
            public static int Count(IDataView data)
            {
                var ml = [|new MLContext()|];
                return ml.Data.CrossValidationSplit(data, numberOfFolds: 5).Count;
            }
        }
        """);

    [Fact]
    public Task ShuffleRows_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Shuffling
        {
            public static IDataView Shuffle(IDataView data)
            {
                MLContext ml = [|new()|];
                return ml.Data.ShuffleRows(data);
            }
        }
        """);

    [Fact]
    public Task CrossValidate_OfEveryCatalog_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Validation
        {
            public static int Regression(IDataView data, IEstimator<ITransformer> pipeline)
            {
                var ml = [|new MLContext()|];
                return ml.Regression.CrossValidate(data, pipeline, numberOfFolds: 3).Count;
            }

            public static int Multiclass(IDataView data, IEstimator<ITransformer> pipeline)
            {
                var ml = [|new MLContext()|];
                return ml.MulticlassClassification.CrossValidate(data, pipeline).Count;
            }
        }
        """);

    [Fact]
    public Task Split_WithItsOwnSeed_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Splitting
        {
            public static IDataView Test(IDataView data)
            {
                var ml = new MLContext();
                var shuffled = ml.Data.ShuffleRows(data, seed: 7);
                return ml.Data.TrainTestSplit(shuffled, testFraction: 0.2, seed: 7).TestSet;
            }
        }
        """);

    [Fact]
    public Task Split_OfASeededContext_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Splitting
        {
            public static IDataView Test(IDataView data)
            {
                var ml = new MLContext(seed: 1);
                return ml.Data.TrainTestSplit(data, testFraction: 0.2).TestSet;
            }
        }
        """);

    [Fact]
    public Task ContextField_OfATypeThatSplits_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public sealed class Preparation
        {
            private readonly MLContext _ml = [|new MLContext()|];

            public IDataView Training(IDataView data) => _ml.Data.TrainTestSplit(data, testFraction: 0.25).TrainSet;
        }
        """);

    [Fact]
    public Task ContextField_OfATypeThatOnlyLoadsAndScores_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public sealed class Scorer
        {
            private readonly MLContext _ml = new MLContext();

            public IDataView Score(ITransformer model, string path) => model.Transform(_ml.Data.LoadFromTextFile<Row>(path));
        }

        public sealed class Row
        {
            public float A { get; set; }
        }
        """);
}
