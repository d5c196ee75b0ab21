using ModelGates.Data;
using ModelGates.Diagnostics;

namespace ModelGates.Inputs;

/// <summary>A dataset read into a DuckDB table by <see cref="InputPipeline.ReadTable"/>, with its hash and the unparsed-row rule's finding.</summary>
public sealed class TableInput
{
    private readonly Task<DatasetHashes> hashes;

    internal TableInput(LoadedDataset dataset, Task<DatasetHashes> hashes, Diagnostic? unparsed)
    {
        Dataset = dataset;
        this.hashes = hashes;
        Unparsed = unparsed;
    }

    /// <summary>The table and what was read.</summary>
    public LoadedDataset Dataset { get; }

    /// <summary>MG2001 when more rows failed to parse than the source tolerates, MG2013 when some did within it, or null.</summary>
    public Diagnostic? Unparsed { get; }

    /// <summary>The dataset hash (<c>sha256:</c> and hex); waits for the hashing that runs beside the read.</summary>
    internal string Hash => Hashes.Dataset;

    /// <summary>Every file's hash; waits for the hashing that runs beside the read.</summary>
    internal DatasetHashes Hashes => hashes.GetAwaiter().GetResult();
}
