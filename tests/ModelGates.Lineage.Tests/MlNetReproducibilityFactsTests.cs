using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace ModelGates.Lineage.Tests;

/// <summary>
/// The ML.NET 5.0.1 behaviours the MG10xx rules rely on to stay silent (docs/rules/*.md cite these).
/// Each trains or splits twice and compares; none asserts non-determinism, which would be flaky.
/// </summary>
public sealed class MlNetReproducibilityFactsTests
{
    [Fact]
    public void FastTreeAndGam_ReproduceWithoutAnySeed()
    {
        Assert.Equal(Scores(new MLContext(), ml => ml.BinaryClassification.Trainers.FastTree()), Scores(new MLContext(), ml => ml.BinaryClassification.Trainers.FastTree()));
        Assert.Equal(Scores(new MLContext(), ml => ml.BinaryClassification.Trainers.Gam()), Scores(new MLContext(), ml => ml.BinaryClassification.Trainers.Gam()));
    }

    [Fact]
    public void SdcaWithOneThread_ReproducesWithASeededContext()
    {
        static IEstimator<ITransformer> Sdca(MLContext ml) =>
            ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1 });

        Assert.Equal(Scores(new MLContext(5), Sdca), Scores(new MLContext(5), Sdca));
    }

    [Fact]
    public void LightGbmSeed_FallsBackToTheContextSeed()
    {
        static IEstimator<ITransformer> Bagged(MLContext ml) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfThreads = 1,
            Booster = new GradientBooster.Options { SubsampleFraction = 0.5, SubsampleFrequency = 1 },
        });

        Assert.Equal(Scores(new MLContext(3), Bagged), Scores(new MLContext(3), Bagged));
    }

    [Fact]
    public void SplitsAndShuffles_FollowTheContextSeedWhenTheirsIsNull()
    {
        Assert.Equal(Sample(new MLContext(1), Split), Sample(new MLContext(1), Split));
        Assert.NotEqual(Sample(new MLContext(1), Split), Sample(new MLContext(2), Split));
        Assert.Equal(Sample(new MLContext(1), Shuffle), Sample(new MLContext(1), Shuffle));
        Assert.NotEqual(Sample(new MLContext(1), Shuffle), Sample(new MLContext(2), Shuffle));

        static IDataView Split(MLContext ml, IDataView data) => ml.Data.TrainTestSplit(data, testFraction: 0.2).TestSet;
        static IDataView Shuffle(MLContext ml, IDataView data) => ml.Data.ShuffleRows(data);
    }

    [Fact]
    public void SaveWithNullSchema_LoadsWithoutSchema()
    {
        using var temp = new TempDirectory();
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<SyntheticData.Row>(SyntheticData.WriteCsv(temp.Path), hasHeader: true, separatorChar: ',');
        var model = ml.Transforms.Concatenate("Features", "Income", "Debt").Fit(data);
        var path = Path.Combine(temp.Path, "model.zip");

        ml.Model.Save(model, null, path);
        ml.Model.Load(path, out var schema);

        Assert.Null(schema);
    }

    [Fact]
    public void TheContextSeed_IsReadableForTheLineageRecord()
    {
        Assert.True(SeedReader.TryRead(new MLContext(17), out var seeded));
        Assert.Equal(17, seeded);
        Assert.True(SeedReader.TryRead(new MLContext(), out var unseeded));
        Assert.Null(unseeded);
    }

    private static float[] Scores(MLContext ml, Func<MLContext, IEstimator<ITransformer>> trainer)
    {
        using var temp = new TempDirectory();
        var data = ml.Data.LoadFromTextFile<SyntheticData.Row>(SyntheticData.WriteCsv(temp.Path, rows: 1000), hasHeader: true, separatorChar: ',');
        var model = ml.Transforms.Concatenate("Features", "Income", "Debt").Append(trainer(ml)).Fit(data);
        return model.Transform(data).GetColumn<float>("Score").ToArray();
    }

    private static float[] Sample(MLContext ml, Func<MLContext, IDataView, IDataView> operation)
    {
        using var temp = new TempDirectory();
        var data = ml.Data.LoadFromTextFile<SyntheticData.Row>(SyntheticData.WriteCsv(temp.Path), hasHeader: true, separatorChar: ',');
        return operation(ml, data).GetColumn<float>("Income").Take(20).ToArray();
    }
}
