using System.Globalization;
using System.Text;
using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Diagnostics;
using ModelGates.Profiles;

namespace ModelGates.Inputs;

/// <summary>
/// Profiles a partitioned dataset one partition at a time and merges the partition profiles
/// (<see cref="ProfileMerger.MergeBalanced"/>). A partition whose files are unchanged since a profile of it was stored
/// (<see cref="PartitionProfileCache"/>) is not read again; the others are profiled in parallel, each in its own DuckDB,
/// and stored. The merge runs in partition order whatever finished first, so the bytes do not depend on thread timing,
/// and a profile read back from the store merges exactly as the one just computed (both are merged as read from JSON).
/// </summary>
internal static class PartitionedProfiler
{
    public static ProfileRead Profile(InputPipeline pipeline, DatasetSource source, DataFileResolver.ResolvedFiles resolved, ProfileSettings settings, string cacheFolder)
    {
        var layout = resolved.Layout!;
        var partitions = resolved.Partitions;
        var format = DataFileResolver.ResolveFormat(source, resolved.Files);
        var fileOf = resolved.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);

        // The partition keys need every file's content hash; the run needs them anyway for its list of inputs.
        var hashes = pipeline.HashesOf(resolved.Files).GetAwaiter().GetResult().Files.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal);
        var duckDb = Convert.ToString(pipeline.Engine.Scalar("SELECT version()"), CultureInfo.InvariantCulture) ?? "unknown";
        var cache = new PartitionProfileCache(cacheFolder);
        var keys = partitions.Select(p => PartitionProfileCache.Key(duckDb, source, format, layout, p, p.Paths.Select(f => hashes[f]).ToList(), settings)).ToList();
        var profiles = keys.Select(k => cache.TryRead(k) is { } stored && stored.Settings == settings ? stored : null).ToArray();
        var missing = Enumerable.Range(0, partitions.Count).Where(i => profiles[i] is null).ToList();
        var reused = partitions.Count - missing.Count;
        Say(pipeline, $"Profiling {partitions.Count} partitions of {PathDisplay.For(source.Path)}: {reused} unchanged since stored, {missing.Count} to read");

        var unparsed = new LoadedDataset?[partitions.Count];
        var failures = new Exception?[partitions.Count];
        var workers = Math.Max(1, Math.Min(missing.Count, Environment.ProcessorCount));
        var threads = Math.Max(1, Environment.ProcessorCount / workers);
        Parallel.ForEach(missing, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        {
            try
            {
                var partition = partitions[i];
                using var engine = new DataEngine();
                engine.Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
                var dataset = DatasetLoader.Load(engine, source, partition.Paths.Select(p => fileOf[p]).ToList(), layout);
                var bytes = ProfileJsonWriter.Write(ProfileBuilder.Build(engine, dataset, settings) with { Sources = [partition.Name] });
                profiles[i] = ProfileJsonReader.Parse(Encoding.UTF8.GetString(bytes), partition.Name);

                // A partition with unparsed rows is not stored: the next run reads it again and can show its rows.
                if (dataset.Unparsed.Count > 0)
                {
                    unparsed[i] = dataset;
                }
                else
                {
                    cache.Write(keys[i], profiles[i]!);
                }
                Say(pipeline, string.Create(CultureInfo.InvariantCulture, $"Profiled partition {partition.Name} ({dataset.Rows:N0} rows)"));
            }
            catch (Exception e) when (e is ModelGatesException)
            {
                failures[i] = e;
            }
        });

        // The first failing partition in order, whichever thread failed first.
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            throw failure;
        }

        var merged = ProfileMerger.MergeBalanced(profiles.Select(p => p!).ToList()) with { Sources = [source.Path] };
        var tolerated = Unparsed(source, resolved, unparsed);
        if (tolerated is { IsError: true })
        {
            throw new ModelGatesException([tolerated], ExitCodes.CheckFailed);
        }

        return new ProfileRead(merged, tolerated) { Partitions = new PartitionProfiles(partitions.Count, reused, missing.Count, cache.Folder) };
    }

    /// <summary>The unparsed-row rule over the whole dataset: every partition's unparsed rows counted, the first ones as examples.</summary>
    private static Diagnostic? Unparsed(DatasetSource source, DataFileResolver.ResolvedFiles resolved, LoadedDataset?[] partitions)
    {
        var withRows = partitions.Where(p => p is not null).Select(p => p!).ToList();
        if (withRows.Count == 0)
        {
            return null;
        }

        var first = withRows[0];
        var all = new UnparsedRows(withRows.Sum(p => p.Unparsed.Count), withRows.SelectMany(p => p.Unparsed.Examples).Take(5).ToList());
        var whole = new LoadedDataset(source, first.Table, first.Format, resolved.Files, first.Columns, withRows.Sum(p => p.Rows), all, first.Locator);
        return UnparsedRowsCheck.Check(whole, source.MaxUnparsedRows);
    }

    private static void Say(InputPipeline pipeline, string line)
    {
        if (pipeline.Progress is { } progress)
        {
            lock (pipeline)
            {
                progress(line);
            }
        }
    }
}
