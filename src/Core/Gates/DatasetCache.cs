using ModelGates.Data;
using ModelGates.Data.Partitions;
using ModelGates.Gates.Config;
using ModelGates.Inputs;

namespace ModelGates.Gates;

/// <summary>
/// The config's datasets by name, read through the run's <see cref="InputPipeline"/>, which keeps each read,
/// so that several gates over one dataset read it once per shape (columns for drift, a typed table for
/// models, text for contracts).
/// </summary>
public sealed class DatasetCache(InputPipeline pipeline, GatesConfig config)
{
    /// <summary>The pipeline every dataset is read through.</summary>
    internal InputPipeline Pipeline { get; } = pipeline;

    /// <summary>The engine the tables live in.</summary>
    internal DataEngine Engine => Pipeline.Engine;

    /// <summary>The dataset of that name as a table, read on first use.</summary>
    /// <exception cref="DataReadException">The data cannot be read.</exception>
    internal TableInput Table(string name, bool allText = false) => Table(name, null, allText);

    /// <summary>The partitions <paramref name="partitions"/> chooses (besides the dataset's own filter) of the dataset of that name as a table.</summary>
    /// <exception cref="DataReadException">The data cannot be read.</exception>
    internal TableInput Table(string name, PartitionFilter? partitions, bool allText = false) =>
        Pipeline.ReadTable(Source(Declaration(name), partitions) with { AllText = allText });

    /// <summary>The dataset of that name, read for column statistics on first use.</summary>
    /// <exception cref="DataReadException">The data cannot be read.</exception>
    internal ColumnInput Columns(string name) => Columns(name, null);

    /// <summary>The partitions <paramref name="partitions"/> chooses (besides the dataset's own filter) of the dataset of that name, read for column statistics.</summary>
    /// <exception cref="DataReadException">The data cannot be read.</exception>
    internal ColumnInput Columns(string name, PartitionFilter? partitions) => Pipeline.ReadColumns(Source(Declaration(name), partitions));

    /// <summary>The dataset of that name as a loaded table (see <see cref="Table(string, bool)"/>).</summary>
    /// <exception cref="DataReadException">The data cannot be read.</exception>
    internal LoadedDataset Get(string name, bool allText = false) => Table(name, allText).Dataset;

    /// <summary>The read settings of a declared dataset.</summary>
    internal static DatasetSource Source(DatasetDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        if (declaration.Database is { } database)
        {
            return DatasetSource.For(database);
        }

        return new(declaration.Path)
        {
            Format = declaration.Format,
            Csv = declaration.Read,
            MaxUnparsedRows = declaration.MaxUnparsedRows,
            Partitions = declaration.Partitions,
        };
    }

    /// <summary>The read settings of a declared dataset with a gate's partition filter added to its own.</summary>
    internal static DatasetSource Source(DatasetDeclaration declaration, PartitionFilter? partitions)
    {
        var source = Source(declaration);
        return source with { Partitions = PartitionFilter.And(source.Partitions, partitions) };
    }

    /// <summary>The declaration of a dataset.</summary>
    internal DatasetDeclaration Declaration(string name) =>
        config.FindDataset(name) ?? throw new InvalidOperationException($"Dataset '{name}' is not declared.");
}
