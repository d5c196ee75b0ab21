using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ModelGates.Output;
using ModelGates.Profiles;

namespace ModelGates.Xunit;

/// <summary>
/// Snapshot tests with tolerances for metrics and profiles. The approved values live in a file committed next
/// to the test (<c>&lt;TestFile&gt;.&lt;Method&gt;.approved.json</c>); on a mismatch the received values are written
/// beside it (<c>.received.json</c>) and the failure shows a diff table. Accept by renaming the file, with
/// <c>modelgates accept --snapshots &lt;folder&gt;</c>, or by running the tests with
/// <c>MODELGATES_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that accepts every received snapshot as approved.</summary>
    internal const string AcceptVariable = "MODELGATES_ACCEPT_SNAPSHOTS";

    /// <summary>Matches named values (metrics) against the approved snapshot.</summary>
    public static void Match(IReadOnlyDictionary<string, double> values, SnapshotTolerance tolerance, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "") =>
        MatchValues(values.ToDictionary(p => p.Key, p => (double?)p.Value, StringComparer.Ordinal), tolerance, testFile, testName);

    /// <summary>Matches a profile's numbers (per column: count, missing, mean, standard deviation, min, max, quartiles, distinct) against the approved snapshot.</summary>
    public static void Match(DatasetProfile profile, SnapshotTolerance tolerance, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "") =>
        MatchValues(Flatten(profile), tolerance, testFile, testName);

    /// <summary>The snapshot files of a test: approved and received.</summary>
    internal static (string Approved, string Received) PathsFor(string testFile, string testName)
    {
        testFile = SourceFileLocator.Resolve(testFile);
        var stem = Path.Combine(Path.GetDirectoryName(testFile)!, $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}");
        return (stem + ".approved.json", stem + ".received.json");
    }

    /// <summary>A profile's numbers by key (<c>rows</c>, <c>columns.Income.mean</c>, ...).</summary>
    internal static Dictionary<string, double?> Flatten(DatasetProfile profile)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal) { ["rows"] = profile.Rows };
        foreach (var column in profile.Columns)
        {
            var key = $"columns.{column.Name}.";
            values[key + "count"] = column.Count;
            values[key + "missing"] = column.Missing;
            values[key + "distinct"] = column.Distinct.Estimate;
            if (column.Numeric is { Moments.Count: > 0 } n)
            {
                values[key + "mean"] = n.Moments.Mean;
                values[key + "std"] = n.Moments.SampleVariance is { } v ? Math.Sqrt(v) : null;
                values[key + "min"] = n.Min;
                values[key + "max"] = n.Max;
                values[key + "p25"] = n.Quantiles.Quantile(0.25);
                values[key + "p50"] = n.Quantiles.Quantile(0.5);
                values[key + "p75"] = n.Quantiles.Quantile(0.75);
            }
        }

        return values;
    }

    private static void MatchValues(Dictionary<string, double?> received, SnapshotTolerance tolerance, string testFile, string testName)
    {
        var (approvedPath, receivedPath) = PathsFor(testFile, testName);
        var receivedBytes = Write(received);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            AtomicFile.Write(approvedPath, receivedBytes);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(approvedPath))
        {
            AtomicFile.Write(receivedPath, receivedBytes);
            throw new ModelGatesAssertException(
                $"No approved snapshot for {testName}. Review {receivedPath} and accept it: rename it to {Path.GetFileName(approvedPath)}, run 'modelgates accept --snapshots {Path.GetDirectoryName(receivedPath)}', or run the tests with {AcceptVariable}=1.");
        }

        var approved = Read(approvedPath);
        var rows = Compare(approved, received, tolerance);
        if (rows.Count == 0)
        {
            File.Delete(receivedPath);
            return;
        }

        AtomicFile.Write(receivedPath, receivedBytes);
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{rows.Count} value(s) differ from the approved snapshot {Path.GetFileName(approvedPath)} beyond their tolerance:\n")
            .Append(Table.Render(["key", "approved", "received", "difference", "allowed"], rows))
            .Append(CultureInfo.InvariantCulture, $"received: {receivedPath}\n")
            .Append(CultureInfo.InvariantCulture, $"accept with: modelgates accept --snapshots {Path.GetDirectoryName(receivedPath)}  (or {AcceptVariable}=1)\n");
        throw new ModelGatesAssertException(message.ToString());
    }

    private static List<IReadOnlyList<string>> Compare(Dictionary<string, double?> approved, Dictionary<string, double?> received, SnapshotTolerance tolerance)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var key in approved.Keys.Union(received.Keys).Order(StringComparer.Ordinal))
        {
            var hasA = approved.TryGetValue(key, out var a);
            var hasR = received.TryGetValue(key, out var r);
            if (!hasA || !hasR || a is null || r is null)
            {
                if (hasA != hasR || (a is null) != (r is null))
                {
                    rows.Add([key, Text(hasA ? a : null, hasA), Text(hasR ? r : null, hasR), string.Empty, string.Empty]);
                }

                continue;
            }

            var allowed = tolerance.AllowanceFor(key, a.Value);
            var difference = Math.Abs(a.Value - r.Value);
            if (difference > allowed)
            {
                rows.Add([key, Format(a.Value), Format(r.Value), Format(r.Value - a.Value), "±" + Format(allowed)]);
            }
        }

        return rows;
    }

    private static string Text(double? value, bool present) => !present ? "(absent)" : value is { } v ? Format(v) : "null";

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static byte[] Write(Dictionary<string, double?> values) => JsonWriterExtensions.Build(w =>
    {
        w.WriteStartObject();
        foreach (var key in values.Keys.Order(StringComparer.Ordinal))
        {
            w.WriteNumberOrNull(key, values[key]);
        }

        w.WriteEndObject();
    });

    private static Dictionary<string, double?> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : (double?)null,
            StringComparer.Ordinal);
    }
}
