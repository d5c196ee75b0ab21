using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Drift.Engine;
using ModelGates.Drift.Engine.Options;
using ModelGates.Drift.Engine.Reporting;
using ModelGates.Drift.Engine.Results;
using ModelGates.Profiles;
using ModelGates.Reports;
using ModelGates.Statistics;

namespace ModelGates.Tests.Drift.Engine;

/// <summary>Seeded CSV files of every column kind, and drift runs over them through real DuckDB and real files.</summary>
internal static class DriftTestData
{
    public static readonly string[] Cities = ["Cork", "Kyiv", "Lima", "Oslo", "Pune"];

    /// <summary>
    /// Columns: amount (normal, 5% missing), level (integers 0–3), city (5 categories), flag (boolean),
    /// day (dates), note (unique text). <paramref name="shift"/> moves amount by that many standard
    /// deviations; <paramref name="cityTilt"/> sends that share of rows to Cork; <paramref name="amountMissing"/> sets amount's missing share.
    /// </summary>
    public static string Write(string path, int rows, ulong seed, double shift = 0, double cityTilt = 0, double amountMissing = 0.05, bool reverse = false)
    {
        var random = new SeededRandom(seed);
        var lines = new List<string>(rows);
        for (var i = 0; i < rows; i++)
        {
            var amount = random.NextDouble() < amountMissing ? string.Empty : Math.Round(1000 + (250 * (random.NextGaussian() + shift)), 2).ToString("R", CultureInfo.InvariantCulture);
            var level = random.NextInt64(4).ToString(CultureInfo.InvariantCulture);
            var city = random.NextDouble() < cityTilt ? Cities[0] : Cities[random.NextInt64(Cities.Length)];
            var flag = random.NextDouble() < 0.3 ? "true" : "false";
            var day = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.NextInt64(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var note = "n" + seed.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture);
            lines.Add($"{amount},{level},{city},{flag},{day},{note}");
        }

        if (reverse)
        {
            lines.Reverse();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "amount,level,city,flag,day,note\n" + string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>Columns the direct CSV reader takes (no dates, no quotes): amount (5% missing), count, city, flag (yes/no), temp, score (heavy tail), note (unique).</summary>
    public static string WritePlain(string path, int rows, ulong seed, double shift)
    {
        var random = new SeededRandom(seed);
        var text = new StringBuilder("amount,count,city,flag,temp,score,note\n");
        for (var i = 0; i < rows; i++)
        {
            var amount = random.NextDouble() < 0.05 ? string.Empty : Math.Round(1000 + (250 * (random.NextGaussian() + shift)), 2).ToString("R", CultureInfo.InvariantCulture);
            var city = Cities[random.NextInt64(Cities.Length)];
            var flag = random.NextDouble() < 0.3 + (shift / 3) ? "yes" : "no";
            var temp = (random.NextGaussian() * 12).ToString("0.##", CultureInfo.InvariantCulture);
            var score = Math.Exp(random.NextGaussian() * 3).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{amount},{random.NextInt64(8)},{city},{flag},{temp},{score},n{seed}-{i}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>A CSV from columns of text cells (empty cell: missing).</summary>
    public static string WriteColumns(string path, params (string Name, IReadOnlyList<string> Cells)[] columns)
    {
        var text = new StringBuilder(string.Join(',', columns.Select(c => c.Name))).Append('\n');
        var rows = columns.Max(c => c.Cells.Count);
        for (var i = 0; i < rows; i++)
        {
            text.Append(string.Join(',', columns.Select(c => i < c.Cells.Count ? c.Cells[i] : string.Empty))).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    public static string[] Normal(int n, ulong seed, double shift = 0, double scale = 1)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, n).Select(_ => (shift + (scale * random.NextGaussian())).ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Compares two files against raw reference data.</summary>
    public static DriftReport Compare(string reference, string current, DriftOptions? options = null)
    {
        using var engine = new DataEngine();
        var referenceData = DatasetLoader.Load(engine, new DatasetSource(reference));
        var currentData = DatasetLoader.Load(engine, new DatasetSource(current));
        return DriftEngine.Compare(engine, DriftReference.FromDataset(referenceData), currentData, options);
    }

    /// <summary>Profiles the reference into a file next to it, then compares the current file with that profile.</summary>
    public static DriftReport CompareWithProfile(string reference, string current, DriftOptions? options = null, ProfileSettings? settings = null)
    {
        var profilePath = WriteProfile(reference, settings);
        using var engine = new DataEngine();
        var currentData = DatasetLoader.Load(engine, new DatasetSource(current));
        return DriftEngine.Compare(engine, DriftReference.ReadProfile(profilePath), currentData, options);
    }

    public static string WriteProfile(string reference, ProfileSettings? settings = null)
    {
        var profilePath = Path.ChangeExtension(reference, settings is null ? ".profile.json" : $".p{settings.QuantilePoints}.profile.json");
        using var engine = new DataEngine();
        var data = DatasetLoader.Load(engine, new DatasetSource(reference));
        File.WriteAllBytes(profilePath, ProfileJsonWriter.Write(ProfileBuilder.Build(engine, data, settings)));
        return profilePath;
    }

    /// <summary>One engine holding a reference and a current file (and the reference's profile), for tests that compare them many ways.</summary>
    public static DriftSession Session(string reference, string current, ProfileSettings? settings = null) => new(reference, current, settings);

    /// <summary>The report as `modelgates drift --format json` writes it.</summary>
    public static string Json(DriftReport report) =>
        Encoding.UTF8.GetString(ResultJson.Build("drift", report.Passed, report.Diagnostics, w => DriftReportJson.WriteBody(w, report)));

    public static ColumnDriftResult Column(this DriftReport report, string name) => report.Columns.Single(c => c.Column == name);
}

/// <summary>A reference and a current file loaded once, compared with many options against the raw data or the profile.</summary>
internal sealed class DriftSession : IDisposable
{
    private readonly DataEngine engine = new();
    private readonly LoadedDataset reference;
    private readonly LoadedDataset current;
    private readonly DriftReference profile;

    public DriftSession(string referencePath, string currentPath, ProfileSettings? settings)
    {
        reference = DatasetLoader.Load(engine, new DatasetSource(referencePath));
        current = DatasetLoader.Load(engine, new DatasetSource(currentPath));
        profile = DriftReference.ReadProfile(DriftTestData.WriteProfile(referencePath, settings));
    }

    public DriftReport Raw(DriftOptions? options = null) => DriftEngine.Compare(engine, DriftReference.FromDataset(reference, "sha256:reference"), current, options, "sha256:current");

    public DriftReport Profiled(DriftOptions? options = null) => DriftEngine.Compare(engine, profile, current, options, "sha256:current");

    public void Dispose() => engine.Dispose();
}
