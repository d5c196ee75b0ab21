using ModelGates.Data;
using ModelGates.Gates.Config;

namespace ModelGates.Gates;

/// <summary>
/// Loads each dataset of the config once per run and shape (typed for drift and models, as text for
/// contracts), so that several gates over one dataset read it once.
/// </summary>
public sealed class DatasetCache(DataEngine engine, GatesConfig config)
{
    private readonly Dictionary<(string Name, bool AllText), LoadedDataset> loaded = [];

    /// <summary>The engine the datasets live in.</summary>
    public DataEngine Engine { get; } = engine;

    /// <summary>The dataset of that name, loaded on first use.</summary>
    /// <exception cref="DataReadException">The data cannot be read.</exception>
    public LoadedDataset Get(string name, bool allText = false)
    {
        if (!loaded.TryGetValue((name, allText), out var dataset))
        {
            var declaration = config.FindDataset(name) ?? throw new InvalidOperationException($"Dataset '{name}' is not declared.");
            dataset = DatasetLoader.Load(Engine, Source(declaration) with { AllText = allText });
            loaded[(name, allText)] = dataset;
        }

        return dataset;
    }

    /// <summary>The read settings of a declared dataset.</summary>
    public static DatasetSource Source(DatasetDeclaration declaration) => new(declaration.Path)
    {
        Format = declaration.Format,
        Csv = declaration.Read,
        MaxUnparsedRows = declaration.MaxUnparsedRows,
    };

    /// <summary>The declaration of a dataset.</summary>
    public DatasetDeclaration Declaration(string name) => config.FindDataset(name)!;
}
