using System.Reflection;
using System.Text.RegularExpressions;
using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation.Scoring;

/// <summary>
/// Explains why ML.NET could not load a model. A model holds its components by loader signature and loads only
/// where each component's assembly is deployed; without it ML.NET throws three nested
/// <see cref="TargetInvocationException"/>s around "Could not load file or assembly 'Microsoft.ML.FastTree'".
/// That becomes MG4011 naming the assembly; anything else MG4010 with ML.NET's innermost message.
/// </summary>
internal static partial class ModelLoadFailure
{
    /// <summary>The diagnostic for an exception thrown while loading <paramref name="modelPath"/>.</summary>
    public static Diagnostic Explain(Exception exception, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var chain = Chain(exception).ToList();
        var assembly = chain.Select(MissingAssembly).FirstOrDefault(a => a is not null);
        if (assembly is not null)
        {
            return DiagnosticCatalog.ModelComponentMissing.Create(
                $"Model '{modelPath}' needs a component from assembly '{assembly}', which is not deployed with ModelGates. "
                + "ModelGates ships Microsoft.ML, Microsoft.ML.FastTree and Microsoft.ML.LightGbm; a model trained with another trainer package cannot be loaded here. "
                + "Evaluate it from a predictions file instead (label and score columns written by your own code).") with { File = modelPath };
        }

        var signature = chain.Select(UnknownSignature).FirstOrDefault(s => s is not null);
        if (signature is not null)
        {
            return DiagnosticCatalog.ModelComponentMissing.Create(
                $"Model '{modelPath}' holds a component with loader signature '{signature}' that no deployed assembly provides (a custom transform or a trainer package ModelGates does not ship). "
                + "Evaluate the model from a predictions file instead.") with { File = modelPath };
        }

        var innermost = chain[^1];
        return DiagnosticCatalog.ModelUnreadable.Create(
            $"Model '{modelPath}' cannot be loaded as an ML.NET model: {innermost.GetType().Name}: {innermost.Message.ReplaceLineEndings(" ").Trim()}") with { File = modelPath };
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate && aggregate.InnerException is null)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The simple name of an assembly the runtime could not find, or null.</summary>
    private static string? MissingAssembly(Exception e)
    {
        if (e is FileNotFoundException or FileLoadException or BadImageFormatException
            && CouldNotLoad().Match(e.Message) is { Success: true } match)
        {
            return match.Groups["name"].Value;
        }

        if (e is FileNotFoundException { FileName: { Length: > 0 } fileName } && fileName.Contains("Version=", StringComparison.Ordinal))
        {
            return new AssemblyName(fileName).Name;
        }

        return null;
    }

    private static string? UnknownSignature(Exception e) =>
        UnknownLoader().Match(e.Message) is { Success: true } match ? match.Groups["signature"].Value : null;

    [GeneratedRegex(@"Could not load file or assembly '(?<name>[^,']+)")]
    private static partial Regex CouldNotLoad();

    [GeneratedRegex(@"(?:loader signature|LoaderSignature)\W+'?(?<signature>[A-Za-z0-9_.]+)'?", RegexOptions.IgnoreCase)]
    private static partial Regex UnknownLoader();
}
