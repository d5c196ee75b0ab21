using System.Text.Json;
using ModelGates.Quality.LabelErrors;
using Xunit;

namespace ModelGates.Tests.Quality.LabelErrors;

/// <summary>
/// Confident learning against the NumPy reimplementation of cleanlab in eng/oracles/label_error_oracles.py
/// (eng/oracles/label_errors.json): thresholds, confident joints, prune counts and the ranked flagged rows, exactly.
/// </summary>
public sealed class ConfidentLearningOracleTests
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "oracles", "label_errors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone())];
    });

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value)
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Thresholds_equal_the_oracle_exactly(string name)
    {
        var (labels, probabilities, expected) = Load(name);
        var thresholds = ConfidentLearning.Thresholds(labels, probabilities);
        Assert.Equal(Doubles(expected.GetProperty("thresholds")), thresholds);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Confident_joints_and_prune_counts_equal_the_oracle(string name)
    {
        var (labels, probabilities, expected) = Load(name);
        var result = ConfidentLearning.Run(labels, probabilities);
        Assert.Equal(Matrix(expected.GetProperty("rawConfidentJoint")), result.RawConfidentJoint);
        Assert.Equal(Matrix(expected.GetProperty("confidentJoint")), result.ConfidentJoint);
        Assert.Equal(Matrix(expected.GetProperty("pruneCounts")), result.PruneCounts);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Flagged_rows_and_their_ranking_equal_the_oracle(string name)
    {
        var (labels, probabilities, expected) = Load(name);
        var result = ConfidentLearning.Run(labels, probabilities);
        var issues = expected.GetProperty("issues").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.NotEmpty(issues);
        Assert.Equal(issues, result.Issues);
    }

    [Fact]
    public void Calibrated_joint_rows_sum_to_the_label_counts()
    {
        var (labels, probabilities, _) = Load("five-classes-500");
        var joint = ConfidentLearning.Run(labels, probabilities).ConfidentJoint;
        for (var c = 0; c < 5; c++)
        {
            var rowSum = Enumerable.Range(0, 5).Sum(j => joint[c, j]);
            Assert.Equal(labels.Count(l => l == c), rowSum);
        }
    }

    private static (int[] Labels, double[,] Probabilities, JsonElement Case) Load(string name)
    {
        var c = Cases.Value.Single(e => e.GetProperty("name").GetString() == name);
        var labels = c.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var rows = c.GetProperty("probabilities").EnumerateArray().Select(Doubles).ToArray();
        var probabilities = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                probabilities[i, j] = rows[i][j];
            }
        }

        return (labels, probabilities, c);
    }

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static long[,] Matrix(JsonElement array)
    {
        var rows = array.EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt64()).ToArray()).ToArray();
        var matrix = new long[rows.Length, rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows.Length; j++)
            {
                matrix[i, j] = rows[i][j];
            }
        }

        return matrix;
    }
}
