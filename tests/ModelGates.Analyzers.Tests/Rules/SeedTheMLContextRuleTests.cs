using ModelGates.Analyzers.CodeFixes;
using ModelGates.Analyzers.Rules;
using ModelGates.Analyzers.Tests.Infrastructure;
using Verifier = ModelGates.Analyzers.Tests.Infrastructure.Verify<ModelGates.Analyzers.Rules.SeedTheMLContextRule>;

namespace ModelGates.Analyzers.Tests.Rules;

public sealed class SeedTheMLContextRuleTests
{
    private const string Row = """

        public sealed class Row
        {
            public float A { get; set; }
            public bool Label { get; set; }
        }
        """;

    [Fact]
    public Task UnseededContext_InMethodThatFits_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(Row[] rows)
            {
                var ml = [|new MLContext()|];
                var data = ml.Data.LoadFromEnumerable(rows);
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """ + Row);

    [Fact]
    public Task AnotherTypeNamedMLContext_InMethodThatFits_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        namespace Contoso
        {
            public sealed class MLContext
            {
            }

            public static class Trainer
            {
                public static ITransformer Train(Microsoft.ML.MLContext ml, IDataView data)
                {
                    var settings = new Contoso.MLContext();
                    return ml.Transforms.Concatenate("Features", "A").Fit(data);
                }
            }
        }
        """);

    [Fact]
    public Task UnseededContext_WithInitializer_InMethodThatFits_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var ml = [|new MLContext { FallbackToCpu = true }|];
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task NullSeed_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var ml = [|new MLContext(seed: null)|];
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task ConstantSeed_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            private const int Seed = 42;

            public static ITransformer Train(IDataView data)
            {
                var ml = new MLContext(seed: Seed);
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task ConfiguredSeed_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data, int seed)
            {
                var ml = new MLContext(seed);
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task SeedFromClock_Triggers() => Verifier.AnalyzerAsync("""
        using System;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var ml = [|new MLContext(Environment.TickCount)|];
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task SeedFromClockThroughLocalThatIsNeverUsedAgain_Triggers() => Verifier.AnalyzerAsync("""
        using System;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var seed = DateTime.Now.Millisecond;
                var ml = [|new MLContext(seed)|];
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task SeedFromClockThatIsRecorded_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using System;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var seed = Environment.TickCount;
                Console.WriteLine("seed " + seed);
                var ml = new MLContext(seed);
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task UnseededContext_UsedOnlyForScoring_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public sealed class Scorer
        {
            private readonly MLContext _ml = new MLContext();

            public IDataView Score(string path, IDataView data)
            {
                var model = _ml.Model.Load(path, out _);
                return model.Transform(data);
            }
        }
        """);

    [Fact]
    public Task UnseededField_InTypeThatTrains_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public sealed class Trainer
        {
            private readonly MLContext _ml = [|new MLContext()|];

            public ITransformer Train(IDataView data) => _ml.Transforms.Concatenate("Features", "A").Fit(data);
        }
        """);

    [Fact]
    public Task UnseededField_InPartialTypeThatTrainsInAnotherFile_Triggers() => Verifier.AnalyzerAsync(new[]
    {
        """
        using Microsoft.ML;

        public sealed partial class Trainer
        {
            private readonly MLContext _ml = [|new MLContext()|];
        }
        """,
        """
        using Microsoft.ML;

        public sealed partial class Trainer
        {
            public ITransformer Train(IDataView data) => _ml.Transforms.Concatenate("Features", "A").Fit(data);
        }
        """,
    });

    [Fact]
    public Task UnseededField_InTypeThatOnlyScores_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public sealed class Scorer
        {
            private readonly MLContext _ml = new MLContext();

            public ITransformer Load(string path) => _ml.Model.Load(path, out _);

            private sealed class Nested
            {
                public ITransformer Train(MLContext ml, IDataView data) => ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task UnseededLocal_PassedToTrainingMethod_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Program
        {
            public static void Main()
            {
                var ml = [|new MLContext()|];
                Train(ml, ml.Data.LoadFromTextFile<Row>("train.csv"));
            }

            private static ITransformer Train(MLContext ml, IDataView data) => ml.Transforms.Concatenate("Features", "A").Fit(data);
        }
        """ + Row);

    [Fact]
    public Task UnseededContext_InMethodMarkedTrainingCode_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using ModelGates.Lineage;

        public static class Setup
        {
            [TrainingCode]
            public static MLContext CreateContext() => [|new MLContext()|];
        }
        """, new TestProject(Lineage: true));

    [Fact]
    public Task UnseededContext_InConfiguredTrainingNamespace_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        namespace Contoso.Training.Churn
        {
            public static class Setup
            {
                public static MLContext CreateContext() => [|new MLContext()|];
            }
        }
        """, new TestProject(EditorConfig: "modelgates_training_code_namespaces = Contoso.Training"));

    [Fact]
    public Task UnseededContext_OutsideConfiguredNamespace_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        namespace Contoso.Scoring
        {
            public static class Setup
            {
                public static MLContext CreateContext() => new MLContext();
            }
        }
        """, new TestProject(EditorConfig: "modelgates_training_code_namespaces = Contoso.Training"));

    [Fact]
    public Task TopLevelStatementsThatFit_Trigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        var ml = [|new MLContext()|];
        var data = ml.Data.LoadFromTextFile<Row>("train.csv", hasHeader: true);
        var model = ml.Transforms.Concatenate("Features", "A").Fit(data);
        """ + Row, new TestProject(Executable: true));

    [Fact]
    public Task WithoutMlNetReference_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        public sealed class MLContext
        {
        }

        public static class Program
        {
            public static object Create() => new MLContext();
        }
        """, new TestProject(MlNet: false));

    [Fact]
    public Task TargetTypedContexts_InDeclarationsOfATypeThatTrains_Trigger() => Verifier.AnalyzerAsync("""
        #nullable enable
        using Microsoft.ML;

        public sealed class Trainer
        {
            private readonly object _gate = new();
            private readonly MLContext? _ml = [|new()|];

            public MLContext Shared { get; } = [|new()|];

            public ITransformer Train(IDataView data)
            {
                lock (_gate)
                {
                    return _ml!.Transforms.Concatenate("Features", "A").Fit(data);
                }
            }
        }
        """);

    [Fact]
    public Task Fix_AddsSeedZero_AndFixAllSeedsEveryContext() => Verifier.CodeFixAsync<SeedTheMLContextCodeFixProvider>("""
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var ml = [|new MLContext()|];
                MLContext other = [|new()|];
                var third = [|new MLContext(seed: null)|];
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """, """
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var ml = new MLContext(seed: 0);
                MLContext other = new(seed: 0);
                var third = new MLContext(seed: 0);
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);

    [Fact]
    public Task Fix_IsNotOfferedForClockSeed() => Verifier.NoCodeFixAsync<SeedTheMLContextCodeFixProvider>("""
        using System;
        using Microsoft.ML;

        public static class Trainer
        {
            public static ITransformer Train(IDataView data)
            {
                var ml = [|new MLContext(Environment.TickCount)|];
                return ml.Transforms.Concatenate("Features", "A").Fit(data);
            }
        }
        """);
}
