namespace ModelGates.Analyzers.Tests.Infrastructure;

/// <summary>
/// The shape of Microsoft.ML.AutoML's public API that MG1006 looks at (AutoCatalog, the Auto() extension,
/// AutoMLExperiment and its settings), copied as signatures only: the package is not on this workplace's
/// feed, and the analyzer matches these types by metadata name.
/// </summary>
internal static class AutoMLStubSource
{
    public const string Text = """
        namespace Microsoft.ML.AutoML
        {
            public static class MLContextExtension
            {
                public static AutoCatalog Auto(this Microsoft.ML.MLContext mlContext) => null;
            }

            public abstract class ExperimentSettings
            {
                public uint MaxExperimentTimeInSeconds { get; set; }
            }

            public sealed class BinaryExperimentSettings : ExperimentSettings
            {
            }

            public sealed class BinaryClassificationExperiment
            {
                public object Execute(Microsoft.ML.IDataView trainData, string labelColumnName = "Label") => null;
            }

            public class AutoMLExperiment
            {
                public AutoMLExperiment(Microsoft.ML.MLContext context, AutoMLExperimentSettings settings)
                {
                }

                public AutoMLExperiment SetTrainingTimeInSeconds(uint trainingTimeInSeconds) => this;

                public object Run() => null;

                public System.Threading.Tasks.Task<object> RunAsync(System.Threading.CancellationToken ct = default) => null;

                public class AutoMLExperimentSettings : ExperimentSettings
                {
                    public int? Seed { get; set; }
                }
            }

            public sealed class AutoCatalog
            {
                public AutoMLExperiment CreateExperiment(AutoMLExperiment.AutoMLExperimentSettings settings = null) => null;

                public BinaryClassificationExperiment CreateBinaryClassificationExperiment(uint maxExperimentTimeInSeconds) => null;

                public BinaryClassificationExperiment CreateBinaryClassificationExperiment(BinaryExperimentSettings experimentSettings) => null;
            }
        }
        """;
}
