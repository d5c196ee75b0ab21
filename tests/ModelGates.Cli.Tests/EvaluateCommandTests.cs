using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary><c>modelgates evaluate</c> and the model gate of <c>modelgates check</c>, as real processes.</summary>
public sealed class EvaluateCommandTests
{
    private static readonly string Model = RepoPaths.Combine("samples", "CreditRisk", "model", "credit-risk.zip");
    private static readonly string Holdout = RepoPaths.Combine("samples", "CreditRisk", "data", "holdout.csv");
    private static readonly string Predictions = RepoPaths.Combine("samples", "CreditRisk", "predictions", "holdout-predictions.csv");

    [Fact]
    public void Passing_model_prints_the_json_result_with_metrics_intervals_slices_and_gates()
    {
        var run = CliRunner.Run(RepoPaths.Root, "evaluate", "--model", Model, "--data", Holdout, "--label", "Status", "--positive-class", "bad",
            "--min", "auc=0.8", "--max", "logLoss=0.5", "--slice", "Home", "--resamples", "200", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal("evaluate", json.GetProperty("command").GetString());
        Assert.Equal("binary", json.GetProperty("task").GetString());
        Assert.Equal(827, json.GetProperty("rows").GetInt32());
        Assert.Equal("Probability", json.GetProperty("scores").GetString());
        var auc = json.GetProperty("metrics").GetProperty("auc").GetDouble();
        var interval = json.GetProperty("intervals").GetProperty("auc");
        Assert.InRange(auc, interval[0].GetDouble(), interval[1].GetDouble());
        Assert.Equal(ModelGates.Models.Metrics.MetricRegistry.AllBinary().Count, json.GetProperty("metrics").EnumerateObject().Count());
        Assert.Contains(json.GetProperty("slices").EnumerateArray(), s => s.GetProperty("name").GetString() == "Home=owner" && s.GetProperty("rows").GetInt32() > 100);
        var gates = json.GetProperty("gates").EnumerateArray().ToList();
        Assert.Equal(["auc", "logLoss"], gates.Select(g => g.GetProperty("metric").GetString()));
        Assert.All(gates, g => Assert.True(g.GetProperty("passed").GetBoolean()));
        Assert.Equal(0.8, gates[0].GetProperty("bound").GetDouble());
        Assert.True(json.GetProperty("passed").GetBoolean());

        var again = CliRunner.Run(RepoPaths.Root, "evaluate", "--model", Model, "--data", Holdout, "--label", "Status", "--positive-class", "bad",
            "--min", "auc=0.8", "--max", "logLoss=0.5", "--slice", "Home", "--resamples", "200", "--format", "json");
        Assert.Equal(run.Stdout, again.Stdout);
    }

    [Fact]
    public void Failing_threshold_exits_1_with_its_diagnostic()
    {
        var run = CliRunner.Run(RepoPaths.Root, "evaluate", "--model", Model, "--data", Holdout, "--label", "Status", "--positive-class", "bad",
            "--min", "auc=0.9", "--resamples", "50", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["MG4001"], run.Codes());
        Assert.False(run.Json().GetProperty("gates")[0].GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Predictions_file_with_a_baseline_and_a_gap_in_msbuild_format()
    {
        using var temp = new TempDirectory();
        var baseline = temp.Write("baseline.json", File.ReadAllText(RepoPaths.Combine("samples", "CreditRisk", "baselines", "credit-risk.baseline.json")));
        var run = CliRunner.Run(RepoPaths.Root, "evaluate", "--predictions", Predictions, "--label", "Status", "--positive-class", "bad", "--score", "p_bad",
            "--baseline", baseline, "--max-drop", "auc=0.01", "--slice", "Home", "--max-gap", "recall=0.05", "--resamples", "100", "--format", "msbuild");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error MG4003: auc ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("error MG4004: The recall gap across 'Home'", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "MG0004", "--task", "ranking")]
    [InlineData(2, "MG0015", "--min", "acu=0.8")]
    [InlineData(2, "MG0004", "--max-drop", "auc=0.1")]
    [InlineData(3, "MG4022", "--label", "status")]
    public void Usage_and_data_errors_have_their_exit_codes(int exitCode, string code, string option, string value)
    {
        var args = new List<string> { "evaluate", "--model", Model, "--data", Holdout, "--positive-class", "bad", "--resamples", "20", "--format", "json" };
        if (option != "--label")
        {
            args.AddRange(["--label", "Status"]);
        }

        args.AddRange([option, value]);
        var run = CliRunner.Run(RepoPaths.Root, [.. args]);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Equal(code, run.Codes()[0]);
    }

    [Fact]
    public void Corrupt_model_exits_3_with_MG4010()
    {
        using var temp = new TempDirectory();
        var model = temp.Write("model.zip", "not a zip");
        var run = CliRunner.Run(RepoPaths.Root, "evaluate", "--model", model, "--data", Holdout, "--label", "Status", "--positive-class", "bad", "--format", "json");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(["MG4010"], run.Codes());
    }

    [Fact]
    public async Task A_model_whose_trainer_assembly_is_not_deployed_is_MG4011_naming_it()
    {
        // A copy of the built CLI without Microsoft.ML.FastTree (the dll and its deps.json entry): the FastTree
        // credit model then fails to load as it would wherever the trainer is not deployed.
        using var temp = new TempDirectory();
        var bin = Path.GetDirectoryName(CliRunner.CliPath)!;
        foreach (var file in Directory.GetFiles(bin, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(temp.Path, Path.GetRelativePath(bin, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Delete(Path.Combine(temp.Path, "Microsoft.ML.FastTree.dll"));
        var depsPath = Path.Combine(temp.Path, "modelgates.deps.json");
        var deps = File.ReadAllText(depsPath);
        deps = Regex.Replace(deps, @"""lib/[^""]*/Microsoft\.ML\.FastTree\.dll"": \{[^}]*\},?", string.Empty);
        File.WriteAllText(depsPath, deps);

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(temp.Path, "modelgates.dll"), "evaluate", "--model", Model, "--data", Holdout, "--label", "Status", "--positive-class", "bad", "--format", "json" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var output = await stdout;
        var error = await stderr;
        await process.WaitForExitAsync();
        var result = new CliResult(process.ExitCode, output, error);

        Assert.True(result.ExitCode == 3, result.ToString());
        var diagnostic = result.Json().GetProperty("diagnostics")[0];
        Assert.Equal("MG4011", diagnostic.GetProperty("code").GetString());
        Assert.Contains("'Microsoft.ML.FastTree'", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_with_a_model_gate_fails_at_the_line_of_the_failing_bound()
    {
        using var temp = new TempDirectory();
        string Sample(params string[] parts) => RepoPaths.Combine(["samples", "CreditRisk", .. parts]).Replace('\\', '/');
        var config = temp.Write("modelgates.json", $$"""
            {
              "schemaVersion": 1,
              "datasets": { "holdout": { "path": "{{Sample("data", "holdout.csv")}}" } },
              "models": {
                "credit": {
                  "model": "{{Sample("model", "credit-risk.zip")}}",
                  "data": "holdout",
                  "task": "binary",
                  "label": "Status",
                  "positiveClass": "bad",
                  "bootstrap": { "resamples": 100 },
                  "metrics": {
                    "auc": { "min": 0.8 },
                    "recall": { "min": 0.9 }
                  }
                }
              }
            }
            """);

        var run = CliRunner.Run(temp.Path, "check", "--config", config, "--format", "msbuild");

        Assert.Equal(1, run.ExitCode);
        var line = File.ReadAllLines(config).ToList().FindIndex(l => l.Contains("\"recall\"", StringComparison.Ordinal)) + 1;
        Assert.Matches(new Regex($@"modelgates\.json\({line},\d+\): error MG4001: Model gate 'credit': recall "), run.Stdout);
        Assert.DoesNotContain("auc", run.Stdout, StringComparison.Ordinal);

        var json = CliRunner.Run(temp.Path, "check", "--config", config, "--format", "json").Json();
        var checks = json.GetProperty("gates")[0].GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["model:credit/auc/min", "model:credit/recall/min"], checks.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["passed", "failed"], checks.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal("auc ≥ 0.8 on holdout", checks[0].GetProperty("description").GetString());
    }

    [Fact]
    public void Documented_commands_of_evaluate_md_run_as_written()
    {
        var docs = File.ReadAllText(RepoPaths.Combine("docs", "evaluate.md"));
        var commands = Regex.Matches(docs, @"```bash\n(dotnet run --project src/Cli -c Release -- [^`]*?)\n```")
            .Select(m => m.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal))
            .ToList();
        Assert.True(commands.Count >= 3);
        using var temp = new TempDirectory();
        foreach (var command in commands)
        {
            var words = Regex.Split(command.Trim(), @"\s+").Skip(7).ToList();

            // accept rewrites the committed sample baseline: run it on a copy of the sample.
            if (words[0] == "accept")
            {
                CopySample(temp.Path);
                words = ["accept", "--config", Path.Combine(temp.Path, "CreditRisk", "modelgates.json")];
            }

            var run = CliRunner.Run(RepoPaths.Root, [.. words]);
            Assert.True(run.ExitCode == 0, $"{command}\n{run}");
        }
    }

    /// <summary>Copies the sample with the folders its config reaches into (samples/contracts, samples/data), without build output.</summary>
    private static void CopySample(string target)
    {
        foreach (var folder in new[] { "CreditRisk", "contracts", "data" })
        {
            var source = RepoPaths.Combine("samples", folder);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
                {
                    continue;
                }

                var destination = Path.Combine(target, folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination, overwrite: true);
            }
        }
    }
}
