using ModelGates.Models.Evaluation.Scoring;
using ModelGates.Models.Importance;
using ModelGates.Models.Predictions;
using ModelGates.Testing;
using ModelGates.Tests.Models.Evaluation;

namespace ModelGates.Tests.Models.Importance;

/// <summary>Shuffles are scored through the model's row-to-row mapper: the outputs must be those <c>Transform</c> gives.</summary>
public sealed class MappedDataViewTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void The_mapper_scores_the_rows_and_a_shuffled_copy_exactly_as_Transform_does()
    {
        var modelPath = ImportanceModels.Binary(directory.File("model.zip"), ImportanceModels.Rows(400, seed: 3));
        var holdout = ImportanceModels.WriteCsv(directory.File("holdout.csv"), ImportanceModels.Rows(300, seed: 4));
        var (engine, request) = EvaluationFixture.Request(holdout, ModelTask.Binary, "Outcome", modelPath);
        using (engine)
        {
            var model = MlNetModel.Load(modelPath);
            var (view, missing) = ModelInputBuilder.Build(engine, request.Data, request.TextData ?? request.Data, model.InputSchema, model.Name);
            var strong = Enumerable.Range(0, view.Columns.Count).Single(i => view.Columns[i].Name == "Strong");
            var shuffled = view.With(new Dictionary<int, InputColumnValues> { [strong] = view.Columns[strong].Permuted(0, ColumnShuffle.Order(1, "Strong", 0, 300)) });
            var mapper = model.Transformer.GetRowToRowMapper(view.Schema);
            foreach (var rows in new[] { view, shuffled })
            {
                var transformed = MlNetModelScorer.Score(model.Transformer, rows, missing, ModelTask.Binary, model.Name);
                var mapped = MlNetModelScorer.Read(new MappedDataView(rows, mapper), mapper.OutputSchema, ModelTask.Binary, model.Name);
                Assert.Equal(300, mapped.BinaryScores!.Length);
                Assert.Equal(transformed.BinaryScores, mapped.BinaryScores);
                Assert.Equal(transformed.Source, mapped.Source);
            }

            Assert.NotEqual(
                MlNetModelScorer.Score(model.Transformer, view, missing, ModelTask.Binary, model.Name).BinaryScores,
                MlNetModelScorer.Score(model.Transformer, shuffled, missing, ModelTask.Binary, model.Name).BinaryScores);
        }
    }

    public void Dispose() => directory.Dispose();
}
