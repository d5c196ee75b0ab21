namespace CreditRisk;

/// <summary>Where the sample keeps its data, model and gate files, relative to the project folder.</summary>
internal sealed class SamplePaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Source => Path.GetFullPath(Path.Combine(Root, "..", "data", "credit_data.csv"));

    public string DataFolder => Path.Combine(Root, "data");

    public string Train => Path.Combine(DataFolder, "train.csv");

    public string Holdout => Path.Combine(DataFolder, "holdout.csv");

    public string Model => Path.Combine(Root, "model", "credit-risk.zip");
}
