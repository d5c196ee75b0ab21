using ModelGates.Analyzers.CodeFixes;
using Verifier = ModelGates.Analyzers.Tests.Infrastructure.Verify<ModelGates.Analyzers.Rules.UseDeterministicTrainerSettingsRule>;

namespace ModelGates.Analyzers.Tests.Rules;

public sealed class UseDeterministicTrainerSettingsRuleTests
{
    [Fact]
    public Task SdcaCatalogOverload_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml) => [|ml.BinaryClassification.Trainers.SdcaLogisticRegression()|];
        }
        """);

    [Fact]
    public Task SgdAndSdcaRegressionOverloads_Trigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static object Build(MLContext ml) => new object[]
            {
                [|ml.BinaryClassification.Trainers.SgdCalibrated()|],
                [|ml.Regression.Trainers.Sdca()|],
                [|ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()|],
            };
        }
        """);

    [Fact]
    public Task SdcaOptionsWithoutThreadCount_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml) =>
                ml.BinaryClassification.Trainers.SdcaLogisticRegression([|new SdcaLogisticRegressionBinaryTrainer.Options { MaximumNumberOfIterations = 10 }|]);
        }
        """);

    [Fact]
    public Task SdcaOptionsWithFourThreads_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml) =>
                ml.BinaryClassification.Trainers.SdcaLogisticRegression([|new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 4 }|]);
        }
        """);

    [Fact]
    public Task SdcaWithOneThread_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml) =>
                ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 });
        }
        """);

    [Fact]
    public Task TargetTypedOptionsInALocalDeclaration_AreReadLikeExplicitOnes() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static IEstimator<ITransformer>[] Build(MLContext ml)
            {
                var gate = new object();
                SdcaRegressionTrainer.Options explicitOptions = [|new SdcaRegressionTrainer.Options { MaximumNumberOfIterations = 10 }|];
                SdcaRegressionTrainer.Options targetTyped = [|new() { MaximumNumberOfIterations = 10 }|];
                object notOptions = new();
                return new[] { ml.Regression.Trainers.Sdca(explicitOptions), ml.Regression.Trainers.Sdca(targetTyped) };
            }
        }
        """);

    [Fact]
    public Task SdcaOptionsSetToOneThreadAfterCreation_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml)
            {
                var options = new SdcaRegressionTrainer.Options();
                options.NumberOfThreads = 1;
                return ml.Regression.Trainers.Sdca(options);
            }
        }
        """);

    [Fact]
    public Task SdcaThreadCountFromConfiguration_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml, int threads) =>
                ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = threads });
        }
        """);

    [Fact]
    public Task OptionsStoredInField_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML.Trainers;

        public sealed class Settings
        {
            public SdcaRegressionTrainer.Options Sdca { get; } = new SdcaRegressionTrainer.Options();
        }
        """);

    [Fact]
    public Task FastTreeAndGamDefaults_DoNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static object Build(MLContext ml) => new object[]
            {
                ml.BinaryClassification.Trainers.FastTree(),
                ml.BinaryClassification.Trainers.FastForest(),
                ml.BinaryClassification.Trainers.Gam(),
                ml.Regression.Trainers.FastTree(),
                ml.BinaryClassification.Trainers.LbfgsLogisticRegression(),
            };
        }
        """);

    [Fact]
    public Task LightGbmCatalogOverload_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml) => [|ml.BinaryClassification.Trainers.LightGbm()|];
        }
        """);

    [Fact]
    public Task LightGbmDeterministicWithoutForcedLayout_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers.LightGbm;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml) =>
                ml.BinaryClassification.Trainers.LightGbm([|new LightGbmBinaryTrainer.Options { Deterministic = true }|]);
        }
        """);

    [Fact]
    public Task LightGbmDeterministicWithForcedLayout_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers.LightGbm;

        public static class Trainer
        {
            public static object Build(MLContext ml) => new object[]
            {
                ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { Deterministic = true, ForceColumnWise = true }),
                ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { Deterministic = true, ForceRowWise = true }),
                ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options { NumberOfThreads = 1 }),
            };
        }
        """);

    [Fact]
    public Task LightGbmLoadedFromAPretrainedModel_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using System.IO;
        using Microsoft.ML;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml, Stream booster) => ml.BinaryClassification.Trainers.LightGbm(booster);
        }
        """);

    [Fact]
    public Task Fix_SetsOneThread_AndFixAllFixesEveryOptionsObject() => Verifier.CodeFixAsync<UseDeterministicTrainerSettingsCodeFixProvider>("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static object Build(MLContext ml) => new object[]
            {
                ml.BinaryClassification.Trainers.SdcaLogisticRegression([|new SdcaLogisticRegressionBinaryTrainer.Options { MaximumNumberOfIterations = 10 }|]),
                ml.BinaryClassification.Trainers.SgdCalibrated([|new SgdCalibratedTrainer.Options { NumberOfThreads = 4 }|]),
                ml.Regression.Trainers.Sdca([|new SdcaRegressionTrainer.Options()|]),
            };
        }
        """, """
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static object Build(MLContext ml) => new object[]
            {
                ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { MaximumNumberOfIterations = 10, NumberOfThreads = 1 }),
                ml.BinaryClassification.Trainers.SgdCalibrated(new SgdCalibratedTrainer.Options { NumberOfThreads = 1 }),
                ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1 }),
            };
        }
        """);

    [Fact]
    public Task Fix_MultilineInitializer_KeepsOneMemberPerLine() => Verifier.CodeFixAsync<UseDeterministicTrainerSettingsCodeFixProvider>("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml)
            {
                var options = [|new SdcaLogisticRegressionBinaryTrainer.Options
                {
                    MaximumNumberOfIterations = 10,
                    L2Regularization = 0.1f
                }|];
                return ml.BinaryClassification.Trainers.SdcaLogisticRegression(options);
            }
        }
        """, """
        using Microsoft.ML;
        using Microsoft.ML.Trainers;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml)
            {
                var options = new SdcaLogisticRegressionBinaryTrainer.Options
                {
                    MaximumNumberOfIterations = 10,
                    L2Regularization = 0.1f,
                    NumberOfThreads = 1
                };
                return ml.BinaryClassification.Trainers.SdcaLogisticRegression(options);
            }
        }
        """);

    [Fact]
    public Task Fix_LightGbm_SetsDeterministicAndColumnWise() => Verifier.CodeFixAsync<UseDeterministicTrainerSettingsCodeFixProvider>("""
        using Microsoft.ML;
        using Microsoft.ML.Trainers.LightGbm;

        public static class Trainer
        {
            public static object Build(MLContext ml) => new object[]
            {
                ml.BinaryClassification.Trainers.LightGbm([|new LightGbmBinaryTrainer.Options { NumberOfIterations = 50 }|]),
                ml.BinaryClassification.Trainers.LightGbm([|new LightGbmBinaryTrainer.Options { Deterministic = true }|]),
            };
        }
        """, """
        using Microsoft.ML;
        using Microsoft.ML.Trainers.LightGbm;

        public static class Trainer
        {
            public static object Build(MLContext ml) => new object[]
            {
                ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { NumberOfIterations = 50, Deterministic = true, ForceColumnWise = true }),
                ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options { Deterministic = true, ForceColumnWise = true }),
            };
        }
        """);

    [Fact]
    public Task Fix_IsNotOfferedForCatalogOverloads() => Verifier.NoCodeFixAsync<UseDeterministicTrainerSettingsCodeFixProvider>("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static IEstimator<ITransformer> Build(MLContext ml) => [|ml.BinaryClassification.Trainers.SdcaLogisticRegression()|];
        }
        """);
}
