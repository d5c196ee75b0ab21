using System.Globalization;
using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Inputs;
using ModelGates.Quality;

namespace ModelGates.Xunit;

/// <summary>Assertions on data quality: duplicates, conflicting labels, leakage between splits, every check at once (docs/quality.md).</summary>
public static partial class DataAssert
{
    /// <summary>Asserts that no row of <paramref name="dataPath"/> repeats another (the <paramref name="key"/> columns aside).</summary>
    /// <returns>The result, for further assertions.</returns>
    public static QualityResult HasNoDuplicates(string dataPath, params string[] key) =>
        Strict(dataPath, null, "duplicates", new QualityOptions { Key = key });

    /// <summary>Asserts that no two rows of <paramref name="dataPath"/> with identical features carry different labels.</summary>
    /// <returns>The result, for further assertions.</returns>
    public static QualityResult HasNoConflictingLabels(string dataPath, string label, params string[] key) =>
        Strict(dataPath, null, "conflictingLabels", new QualityOptions { Label = label, Key = key });

    /// <summary>Asserts that no row of <paramref name="holdoutPath"/> is also in <paramref name="trainingPath"/> (features compared, label and key aside).</summary>
    /// <returns>The result, for further assertions.</returns>
    public static QualityResult DoesNotLeakInto(string holdoutPath, string trainingPath, string? label = null, params string[] key) =>
        Strict(holdoutPath, trainingPath, "leakage", new QualityOptions { Label = label, Key = key });

    /// <summary>
    /// Asserts that every quality check passes on <paramref name="dataPath"/> with <paramref name="options"/>' severities and
    /// thresholds: a finding at error severity fails; warnings and info do not.
    /// </summary>
    /// <returns>The result, with every finding, for further assertions.</returns>
    public static QualityResult HasQuality(string dataPath, QualityOptions options, string? referencePath = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = RunQuality(dataPath, referencePath, options, null);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics(
                string.Create(CultureInfo.InvariantCulture, $"{dataPath} fails {errors.Count} quality check(s):"), errors));
        }

        return result;
    }

    private static QualityResult Strict(string dataPath, string? referencePath, string check, QualityOptions options)
    {
        options = options with { Checks = new Dictionary<string, QualityCheckSettings>(StringComparer.Ordinal) { [check] = new(Severity.Error, 0, null) } };
        var result = RunQuality(dataPath, referencePath, options, [check]);
        if (result.Failed)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics($"{dataPath}: {check} found:", result.Diagnostics.Where(d => d.IsError)));
        }

        return result;
    }

    private static QualityResult RunQuality(string dataPath, string? referencePath, QualityOptions options, IReadOnlyList<string>? only)
    {
        try
        {
            using var pipeline = new InputPipeline { MemoryLimit = ConfiguredMemoryLimit.Find() };
            return DataQuality.Run(pipeline, new QualityRequest
            {
                Data = new DatasetSource(dataPath),
                Reference = referencePath is null ? null : new DatasetSource(referencePath),
                Options = options,
                Only = only,
            });
        }
        catch (ModelGatesException e)
        {
            throw new ModelGatesAssertException(FailureMessage.ForDiagnostics($"{dataPath} cannot be checked for quality:", e.Diagnostics));
        }
    }
}
