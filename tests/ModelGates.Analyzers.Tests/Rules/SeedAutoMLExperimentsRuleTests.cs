using ModelGates.Analyzers.Tests.Infrastructure;
using Verifier = ModelGates.Analyzers.Tests.Infrastructure.Verify<ModelGates.Analyzers.Rules.SeedAutoMLExperimentsRule>;

namespace ModelGates.Analyzers.Tests.Rules;

/// <summary>Microsoft.ML.AutoML is not on the feed: these compile against <see cref="AutoMLStubSource"/>.</summary>
public sealed class SeedAutoMLExperimentsRuleTests
{
    private static readonly TestProject AutoML = new(AutoMLStub: true);

    [Fact]
    public Task ExperimentFromUnseededContext_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.AutoML;

        public static class Search
        {
            public static object Run()
            {
                var ml = new MLContext();
                var experiment = [|ml.Auto().CreateExperiment()|];
                return experiment.Run();
            }
        }
        """, AutoML);

    [Fact]
    public Task TaskExperimentFromUnseededField_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.AutoML;

        public sealed class Search
        {
            private readonly MLContext _ml = new MLContext();

            public object Run(IDataView data) => [|_ml.Auto().CreateBinaryClassificationExperiment(60)|].Execute(data);
        }
        """, AutoML);

    [Fact]
    public Task ExperimentConstructedFromUnseededContextWithoutSettingsSeed_Triggers() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.AutoML;

        public static class Search
        {
            public static AutoMLExperiment Create() =>
                [|new AutoMLExperiment(new MLContext(), new AutoMLExperiment.AutoMLExperimentSettings { MaxExperimentTimeInSeconds = 60 })|];
        }
        """, AutoML);

    [Fact]
    public Task ExperimentFromSeededContext_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.AutoML;

        public static class Search
        {
            public static object Run()
            {
                var ml = new MLContext(seed: 1);
                return ml.Auto().CreateExperiment().Run();
            }
        }
        """, AutoML);

    [Fact]
    public Task ExperimentWithSettingsSeed_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.AutoML;

        public static class Search
        {
            public static object Run()
            {
                var ml = new MLContext();
                var settings = new AutoMLExperiment.AutoMLExperimentSettings { Seed = 7 };
                return ml.Auto().CreateExperiment(settings).Run();
            }
        }
        """, AutoML);

    [Fact]
    public Task ExperimentFromContextParameter_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.AutoML;

        public static class Search
        {
            public static object Run(MLContext ml) => ml.Auto().CreateExperiment().Run();
        }
        """, AutoML);

    [Fact]
    public Task FieldReseededInConstructor_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;
        using Microsoft.ML.AutoML;

        public sealed class Search
        {
            private readonly MLContext _ml = new MLContext();

            public Search(int seed)
            {
                _ml = new MLContext(seed);
            }

            public object Run() => _ml.Auto().CreateExperiment().Run();
        }
        """, AutoML);

    [Fact]
    public Task WithoutAutoML_DoesNotTrigger() => Verifier.AnalyzerAsync("""
        using Microsoft.ML;

        public static class Search
        {
            public static MLContext Create() => new MLContext();
        }
        """);
}
