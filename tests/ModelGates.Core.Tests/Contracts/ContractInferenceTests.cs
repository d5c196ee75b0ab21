using ModelGates.Contracts;
using ModelGates.Data;
using ModelGates.Profiles;
using ModelGates.Testing;
using ValueType = ModelGates.Contracts.ValueType;

namespace ModelGates.Tests.Contracts;

public sealed class ContractInferenceTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.0013, 0.01)]
    [InlineData(0.0855, 0.18)]
    [InlineData(0.7, 1.0)]
    public void Missing_budget_is_twice_the_observed_share_rounded_up(double observed, double budget)
    {
        Assert.Equal(budget, ContractInference.MissingBudget(observed), 12);
    }

    [Fact]
    public void Infers_types_ranges_domains_and_keys_as_documented()
    {
        using var dir = new TempDirectory();
        var rows = Enumerable.Range(1, 40).Select(i => $"{i},{(i % 10 == 0 ? string.Empty : (i * 1.5).ToString(System.Globalization.CultureInfo.InvariantCulture))},{(i % 2 == 0 ? "a" : "b")},{(i % 3 == 0 ? "true" : "false")},k{i % 7}");
        var path = dir.Write("d.csv", "id,x,cat,flag,notkey\n" + string.Join('\n', rows) + "\n");
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(path));

        var contract = ContractInference.Infer(engine, data, ProfileBuilder.Build(engine, data));

        var id = contract.Find("id")!;
        Assert.Equal(ValueType.Integer, id.Type);
        Assert.True(id.Unique);
        Assert.Equal(1, id.Min);
        Assert.Equal(40, id.Max);
        var x = contract.Find("x")!;
        Assert.Equal(ValueType.Number, x.Type);
        Assert.Equal(0.2, x.MaxMissingShare);
        Assert.False(x.Unique);
        Assert.Equal(["a", "b"], contract.Find("cat")!.AllowedValues);
        Assert.Equal(ValueType.Boolean, contract.Find("flag")!.Type);
        Assert.False(contract.Find("notkey")!.Unique);

        using var pipeline = new ModelGates.Inputs.InputPipeline();
        var text = pipeline.ReadTable(new DatasetSource(path) { AllText = true }).Dataset;
        var validation = ContractValidator.Validate(pipeline.Engine, ContractReader.Parse(System.Text.Encoding.UTF8.GetString(ContractJsonWriter.Write(contract)), "inferred.json"), text, 0);
        Assert.Empty(validation.Diagnostics);
    }
}
