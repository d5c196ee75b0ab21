using ModelGates.Configuration.Json;

namespace ModelGates.Tests.Configuration;

public sealed class ConfigJsonParserTests
{
    [Fact]
    public void Values_remember_their_line_and_column()
    {
        const string text = "{\n  // a comment\n  \"a\": 1,\n  \"b\": [true, \"é\", null],\n}\n";

        var root = (ConfigObject)ConfigJsonParser.Parse(text, "x.json", out var error)!;

        Assert.Null(error);
        Assert.Equal(new SourcePosition(3, 3), root.Find("a")!.NamePosition);
        var array = (ConfigArray)root.Find("b")!.Value;
        Assert.Equal(new SourcePosition(4, 8), array.Position);
        Assert.Equal(new SourcePosition(4, 20), array.Items[2].Position);
        Assert.IsType<ConfigNull>(array.Items[2]);
    }

    [Fact]
    public void Syntax_error_reports_its_line()
    {
        var root = ConfigJsonParser.Parse("{\n  \"a\": 1\n  \"b\": 2\n}", "x.json", out var error);

        Assert.Null(root);
        Assert.Equal("MG0011", error!.Code);
        Assert.Equal(3, error.Line);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_suggests_the_closest_known_key()
    {
        var root = (ConfigObject)ConfigJsonParser.Parse("{\n \"maxMisingShare\": 0.1\n}", "c.json", out _)!;
        var reader = new ConfigReader("c.json");

        reader.CheckKeys(root, "column 'x'", "maxMissingShare", "min", "max");

        var diagnostic = Assert.Single(reader.Diagnostics);
        Assert.Equal("MG0012", diagnostic.Code);
        Assert.Equal(2, diagnostic.Line);
        Assert.Contains("Did you mean 'maxMissingShare'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maxMisingShare", "maxMissingShare")]
    [InlineData("alowedValues", "allowedValues")]
    [InlineData("uniqe", "unique")]
    [InlineData("banana", null)]
    public void Did_you_mean_finds_near_misses_only(string typed, string? expected)
    {
        Assert.Equal(expected, DidYouMean.Suggest(typed, ["maxMissingShare", "allowedValues", "unique", "min", "max"]));
    }
}
