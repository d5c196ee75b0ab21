using System.Globalization;
using ModelGates.Data;
using ModelGates.Gates.Config;
using ModelGates.Inputs;
using ModelGates.Output;
using ModelGates.Profiles;

namespace ModelGates.Gates;

/// <summary>One file that accept rewrote, with what changed.</summary>
/// <param name="Description">What the file is (<c>reference profile of drift gate 'scoring'</c>).</param>
/// <param name="File">The file.</param>
/// <param name="Lines">Old → new for every value that matters.</param>
public sealed record AcceptedChange(string Description, string File, IReadOnlyList<string> Lines);

/// <summary>
/// Writes the current state as the new baselines: the reference profile of every drift gate that compares
/// against a profile file becomes the profile of the gate's current dataset, and every model gate's baseline
/// (metrics file or baseline model) becomes the current model's (<see cref="ModelBaselineAcceptor"/>), and the
/// model lock file takes the hash of every model (<see cref="ModelLockFile"/>). Each file is written atomically.
/// </summary>
public static class BaselineAcceptor
{
    /// <summary>Accepts every gate, or only the named ones.</summary>
    public static IReadOnlyList<AcceptedChange> Accept(GatesConfig config, IReadOnlySet<string>? only)
    {
        var changes = new List<AcceptedChange>();
        using var pipeline = new InputPipeline { Connections = new(config.Connections), PartitionCache = config.PartitionCache, MemoryLimit = config.MemoryLimit ?? Memory.MemoryLimit.Default };
        var datasets = new DatasetCache(pipeline, config);
        foreach (var gate in config.Drift.Where(g => only is null || only.Contains(g.Name)))
        {
            if (config.FindDataset(gate.Reference) is not null)
            {
                continue;
            }

            var old = File.Exists(gate.Reference) ? ProfileJsonReader.Read(gate.Reference) : null;
            var oldHash = File.Exists(gate.Reference) ? InputFile.Of("old", gate.Reference).Sha256 : null;
            var source = DatasetCache.Source(datasets.Declaration(gate.Current));
            var settings = old?.Settings ?? ProfileSettings.Default;
            var profile = pipeline.Profile(source, settings).Profile with { Sources = [Path.GetFileName(source.Path)] };
            AtomicFile.Write(gate.Reference, ProfileJsonWriter.Write(profile));
            changes.Add(new AcceptedChange($"reference profile of drift gate '{gate.Name}'", gate.Reference, ProfileChanges(old, oldHash, profile, gate.Reference)));
        }

        foreach (var gate in config.Models.Where(g => g.Evaluation is not null && (only is null || only.Contains(g.Name))))
        {
            changes.AddRange(ModelBaselineAcceptor.Accept(config, gate, datasets));
        }

        changes.AddRange(ModelLockFile.Accept(config, only));

        return changes;
    }

    private static List<string> ProfileChanges(DatasetProfile? old, string? oldHash, DatasetProfile profile, string path)
    {
        var newHash = InputFile.Of("new", path).Sha256;
        var lines = new List<string>
        {
            $"rows: {old?.Rows.ToString(CultureInfo.InvariantCulture) ?? "none"} -> {profile.Rows.ToString(CultureInfo.InvariantCulture)}",
            $"sha256: {Short(oldHash)} -> {Short(newHash)}",
        };
        foreach (var column in profile.Columns)
        {
            var before = old?.Find(column.Name);
            var share = $"missing {Format(before?.MissingShare)} -> {Format(column.MissingShare)}";
            var mean = column.Numeric is { Moments.Count: > 0 } n ? $", mean {Format(before?.Numeric?.Moments.Mean)} -> {Format(n.Moments.Mean)}" : string.Empty;
            lines.Add($"{column.Name}: {share}{mean}");
        }

        return lines;
    }

    private static string Short(string? hash) => hash is null ? "none" : hash[..12];

    private static string Format(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "none";
}
