using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using ModelGates.Drift.Multivariate;

namespace ModelGates.Tests.Drift.Multivariate;

/// <summary>The AUC, its DeLong interval and the PCA reconstruction error against scikit-learn and SciPy (eng/oracles/multivariate_oracles.py).</summary>
public sealed class MultivariateOracleTests
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "oracles", "multivariate.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    });

    public static TheoryData<string> AucCases => [.. Root.Value.GetProperty("auc").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    public static TheoryData<string> PcaCases => [.. Root.Value.GetProperty("pca").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(AucCases))]
    public void Auc_and_its_DeLong_interval_match_scikit_learn_and_scipy(string name)
    {
        var c = Case("auc", name);
        var scores = c.GetProperty("scores").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var positive = c.GetProperty("positive").EnumerateArray().Select(v => v.GetBoolean()).ToArray();

        var (auc, se) = DeLongAuc.Compute(scores, positive);
        var (lower, upper) = DeLongAuc.Interval(auc, se, c.GetProperty("level").GetDouble());

        Assert.Equal(c.GetProperty("auc").GetDouble(), auc, 1e-12);
        Assert.Equal(c.GetProperty("standardError").GetDouble(), se, 1e-12);
        Assert.Equal(c.GetProperty("interval")[0].GetDouble(), lower, 1e-9);
        Assert.Equal(c.GetProperty("interval")[1].GetDouble(), upper, 1e-9);
    }

    [Theory]
    [MemberData(nameof(PcaCases))]
    public void Pca_components_and_reconstruction_errors_match_scikit_learn(string name)
    {
        var c = Case("pca", name);

        var pca = PcaModel.Fit(Rows(c.GetProperty("fit")));
        var errors = pca.Errors(Rows(c.GetProperty("evaluate")));

        Assert.Equal(c.GetProperty("components").GetInt32(), pca.Components.RowCount);
        Assert.Equal(c.GetProperty("explained").GetDouble(), pca.Explained, 1e-10);
        var expected = c.GetProperty("errors").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(expected.Length, errors.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], errors[i], 1e-9);
        }
    }

    private static JsonElement Case(string kind, string name) =>
        Root.Value.GetProperty(kind).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static Matrix<double> Rows(JsonElement rows)
    {
        var data = rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        return Matrix<double>.Build.DenseOfRowArrays(data);
    }
}
