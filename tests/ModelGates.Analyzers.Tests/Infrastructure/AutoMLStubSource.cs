namespace ModelGates.Analyzers.Tests.Infrastructure;

/// <summary>
/// The shape of Microsoft.ML.AutoML's public API that MG1006 looks at (AutoCatalog, the Auto() extension,
/// AutoMLExperiment and its settings), and what dotnet/machinelearning-samples' MLNET2/AutoMLQuickStart calls
/// (column inference, the sweepable pipeline, the experiment's extension setters), as signatures only: the
/// package is not on this workplace's feed, and the analyzer matches these types by metadata name.
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

                public System.Threading.Tasks.Task<TrialResult> RunAsync(System.Threading.CancellationToken ct = default) => null;

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

                public ColumnInferenceResults InferColumns(string path, string labelColumnName = "Label", char? separatorChar = null, bool? allowQuoting = null, bool? allowSparse = null, bool trimWhitespace = false, bool groupColumns = true) => null;

                public SweepablePipeline Featurizer(Microsoft.ML.IDataView data, ColumnInformation columnInformation = null, string outputColumnName = "Features") => null;

                public SweepableEstimator[] Regression(string labelColumnName = "Label", string featureColumnName = "Features") => null;
            }

            public sealed class ColumnInferenceResults
            {
                public Microsoft.ML.Data.TextLoader.Options TextLoaderOptions { get; } = new Microsoft.ML.Data.TextLoader.Options();

                public ColumnInformation ColumnInformation { get; } = new ColumnInformation();
            }

            public sealed class ColumnInformation
            {
                public string LabelColumnName { get; set; } = "Label";
            }

            public class SweepableEstimator
            {
            }

            public sealed class SweepablePipeline
            {
                public SweepablePipeline Append(params SweepableEstimator[] estimators) => this;
            }

            public enum RegressionMetric
            {
                RSquared,
            }

            public sealed class TrialResult
            {
                public Microsoft.ML.ITransformer Model { get; set; }

                public double Metric { get; set; }
            }

            public static class AutoMLExperimentExtension
            {
                public static AutoMLExperiment SetPipeline(this AutoMLExperiment experiment, SweepablePipeline pipeline) => experiment;

                public static AutoMLExperiment SetRegressionMetric(this AutoMLExperiment experiment, RegressionMetric metric, string labelColumn = "label", string scoreColumn = "Score") => experiment;

                public static AutoMLExperiment SetDataset(this AutoMLExperiment experiment, Microsoft.ML.DataOperationsCatalog.TrainTestData trainValidationSplit) => experiment;
            }
        }
        """;
}
