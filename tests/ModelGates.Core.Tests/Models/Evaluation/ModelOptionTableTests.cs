using System.Globalization;
using System.Reflection;
using ModelGates.Configuration.Options;
using ModelGates.Diagnostics;
using ModelGates.Gates.Config;
using ModelGates.Models.Evaluation.Options;
using ModelGates.Models.Predictions;
using ModelGates.Testing;

namespace ModelGates.Tests.Models.Evaluation;

/// <summary>Every evaluation setting has one name and one check in a model gate, on <c>modelgates evaluate</c> and in C#.</summary>
public sealed class ModelOptionTableTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Each_option_is_the_same_words_in_json_on_the_command_line_and_in_csharp()
    {
        foreach (var option in ModelOptionTable.All)
        {
            Assert.Equal(option.Key.ToLowerInvariant(), option.CliName.Replace("-", string.Empty, StringComparison.Ordinal));
            Assert.EndsWith(OptionNames.Pascal(option.Key), option.PropertyPath, StringComparison.Ordinal);
            Assert.NotNull(Property(option.PropertyPath));
        }

        Assert.Equal(["resamples", "confidence", "seed"], ModelOptionTable.BootstrapKeys);
    }

    [Fact]
    public void Documented_defaults_are_the_defaults()
    {
        foreach (var option in ModelOptionTable.All.Where(o => o.Get(EvaluationOptions.Default) is not null))
        {
            var value = option.Get(EvaluationOptions.Default)!;
            Assert.Equal(value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture), option.Default);
        }
    }

    [Fact]
    public void Command_line_and_model_gate_read_the_same_options()
    {
        var fromCommandLine = ModelOptionTable.FromCommandLine(
            name => name switch
            {
                "positive-class" => ["bad"],
                "decision-threshold" => ["0.3"],
                "min-slice-rows" => ["50"],
                "require-significant-regression" => ["true"],
                "resamples" => ["200"],
                "confidence" => ["0.9"],
                "seed" => ["4"],
                _ => [],
            },
            ModelTask.Binary);
        var gate = ReadGate("""
            "positiveClass": "bad", "decisionThreshold": 0.3, "minSliceRows": 50, "requireSignificantRegression": true,
            "baseline": "baseline.json", "metrics": { "auc": { "maxDrop": 0.01 } },
            "bootstrap": { "resamples": 200, "confidence": 0.9, "seed": 4 }
            """);

        var expected = new EvaluationOptions
        {
            PositiveClass = "bad",
            Metrics = new() { DecisionThreshold = 0.3 },
            MinSliceRows = 50,
            RequireSignificantRegression = true,
            Bootstrap = new() { Resamples = 200, Confidence = 0.9, Seed = 4 },
        };
        Assert.Equal(expected, fromCommandLine);
        Assert.Equal(expected, gate.Evaluation!.Options);
    }

    [Theory]
    [InlineData("\"bootstrap\": { \"resamples\": 5 }", "MG0015", "'resamples' must be between 10 and 1000000, not 5.")]
    [InlineData("\"bootstrap\": { \"confidence\": 1 }", "MG0015", "'confidence' must lie strictly between 0 and 1")]
    [InlineData("\"bootstrap\": { \"seed\": -2 }", "MG0015", "'seed' must be a whole number of at least 0.")]
    [InlineData("\"bootstrap\": { \"sede\": 1 }", "MG0012", "Did you mean 'seed'?")]
    [InlineData("\"minSliceRows\": 0", "MG0015", "'minSliceRows' must be at least 1, not 0.")]
    [InlineData("\"topK\": 3", "MG0015", "'topK' applies to multiclass tasks, not binary.")]
    [InlineData("\"decisionThreshold\": \"high\"", "MG0013", "'decisionThreshold' must be a number, not string.")]
    public void A_bad_option_in_a_model_gate_is_an_error_at_its_line(string options, string code, string message)
    {
        var path = Config(options);

        var d = Assert.Throws<ConfigurationException>(() => GatesConfigReader.Read(path)).Diagnostics[0];

        Assert.Equal(code, d.Code);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        var key = options.Contains('{', StringComparison.Ordinal) ? options.Split('{')[1].Split(':')[0].Trim().Trim('"') : options.Split(':')[0].Trim().Trim('"');
        Assert.Contains(key, File.ReadAllLines(path)[d.Line!.Value - 1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resamples", "5", ModelTask.Binary, "MG0015", "--resamples must be between 10 and 1000000, not 5.")]
    [InlineData("confidence", "95", ModelTask.Binary, "MG0015", "--confidence must lie strictly between 0 and 1")]
    [InlineData("top-k", "two", ModelTask.Multiclass, "MG0004", "--top-k must be a whole number, not 'two'.")]
    [InlineData("decision-threshold", "0.3", ModelTask.Regression, "MG0015", "--decision-threshold applies to binary tasks, not regression.")]
    [InlineData("positive-class", "bad", ModelTask.Multiclass, "MG0015", "--positive-class applies to binary tasks, not multiclass.")]
    public void A_bad_option_on_the_command_line_names_it_as_written(string option, string value, ModelTask task, string code, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => ModelOptionTable.FromCommandLine(n => n == option ? [value] : [], task));

        var d = Assert.Single(error.Diagnostics);
        Assert.Equal(code, d.Code);
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csharp_options_are_checked_by_the_same_table()
    {
        var problems = ModelOptionTable.Check(new EvaluationOptions { Bootstrap = new() { Resamples = 3 }, MinSliceRows = 0 }, OptionFrontEnd.CSharp);

        Assert.Equal(
            ["MinSliceRows must be at least 1, not 0.", "Bootstrap.Resamples must be between 10 and 1000000, not 3."],
            problems.Select(p => p.Diagnostic.Message));
    }

    [Fact]
    public void Docs_evaluate_lists_every_option_under_its_three_names()
    {
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "evaluate.md"));
        foreach (var option in ModelOptionTable.All)
        {
            var flag = option.Type == OptionType.Flag;
            var row = $"| `{option}` | `--{option.CliName}{(flag ? string.Empty : " " + option.ValueHint)}` | ";
            Assert.Contains(row, docs, StringComparison.Ordinal);
            Assert.True(docs.Contains(row + $"`{option.PropertyPath}` |", StringComparison.Ordinal) || option.Key == "minSliceRows", option.Key);
        }
    }

    private ModelGate ReadGate(string options) => Assert.Single(GatesConfigReader.Read(Config(options)).Models);

    private string Config(string options)
    {
        var predictions = directory.Write("predictions.csv", "Status,p\nbad,0.9\ngood,0.2\n");
        return directory.Write("modelgates.json", $$"""
            {
              "schemaVersion": 1,
              "models": {
                "m": {
                  "predictions": "{{predictions.Replace('\\', '/')}}",
                  "task": "binary",
                  "label": "Status",
                  "score": "p",
                  {{options}}
                }
              }
            }
            """);
    }

    private static PropertyInfo? Property(string path)
    {
        var type = typeof(EvaluationOptions);
        PropertyInfo? property = null;
        foreach (var part in path.Split('.'))
        {
            property = type.GetProperty(part);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return property;
    }
}
