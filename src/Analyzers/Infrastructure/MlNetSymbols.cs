using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// The ML.NET (and optional AutoML / ModelGates.Lineage) types the rules need: one instance per compilation,
/// shared by the six rules, each type looked up the first time a rule asks for it.
/// </summary>
/// <remarks>
/// <see cref="Compilation.GetTypeByMetadataName"/> searches every referenced assembly (~200 for a .NET 10 app
/// with ML.NET), and a miss such as AutoML in most projects is the slowest case. Resolving the 20 types
/// eagerly in each rule's compilation-start action was ~0.5 % of the compiler's CPU on a 520-file project.
/// </remarks>
internal sealed class MlNetSymbols
{
    private static readonly ConditionalWeakTable<Compilation, Holder> s_perCompilation = new();

    private readonly Compilation _compilation;
    private readonly Lazy<INamedTypeSymbol?> _dataView;
    private readonly Lazy<INamedTypeSymbol?> _modelOperationsCatalog;
    private readonly Lazy<INamedTypeSymbol?> _dataOperationsCatalog;
    private readonly Lazy<INamedTypeSymbol?> _trainCatalogBase;
    private readonly Lazy<INamedTypeSymbol?> _standardTrainersCatalog;
    private readonly Lazy<INamedTypeSymbol?> _lightGbmExtensions;
    private readonly Lazy<INamedTypeSymbol?> _sdcaOptionsBase;
    private readonly Lazy<INamedTypeSymbol?> _sgdOptionsBase;
    private readonly Lazy<INamedTypeSymbol?> _lightGbmOptionsBase;
    private readonly Lazy<INamedTypeSymbol?> _autoCatalog;
    private readonly Lazy<INamedTypeSymbol?> _autoMLExperiment;
    private readonly Lazy<INamedTypeSymbol?> _autoMLExperimentSettings;
    private readonly Lazy<INamedTypeSymbol?> _modelLineage;
    private readonly Lazy<NondeterministicSources> _sources;

    private MlNetSymbols(Compilation compilation, INamedTypeSymbol mlContext, INamedTypeSymbol estimator)
    {
        _compilation = compilation;
        MLContext = mlContext;
        Estimator = estimator;
        _dataView = Type(WellKnownNames.IDataView);
        _modelOperationsCatalog = Type(WellKnownNames.ModelOperationsCatalog);
        _dataOperationsCatalog = Type(WellKnownNames.DataOperationsCatalog);
        _trainCatalogBase = Type(WellKnownNames.TrainCatalogBase);
        _standardTrainersCatalog = Type(WellKnownNames.StandardTrainersCatalog);
        _lightGbmExtensions = Type(WellKnownNames.LightGbmExtensions);
        _sdcaOptionsBase = Type(WellKnownNames.SdcaOptionsBase);
        _sgdOptionsBase = Type(WellKnownNames.SgdOptionsBase);
        _lightGbmOptionsBase = Type(WellKnownNames.LightGbmOptionsBase);
        _autoCatalog = Type(WellKnownNames.AutoCatalog);
        _autoMLExperiment = Type(WellKnownNames.AutoMLExperiment);
        _autoMLExperimentSettings = Type(WellKnownNames.AutoMLExperimentSettings);
        _modelLineage = Type(WellKnownNames.ModelLineage);
        _sources = new Lazy<NondeterministicSources>(() => new NondeterministicSources(compilation), LazyThreadSafetyMode.PublicationOnly);
    }

    public INamedTypeSymbol MLContext { get; }
    public INamedTypeSymbol Estimator { get; }
    public INamedTypeSymbol? DataView => _dataView.Value;
    public INamedTypeSymbol? ModelOperationsCatalog => _modelOperationsCatalog.Value;
    public INamedTypeSymbol? DataOperationsCatalog => _dataOperationsCatalog.Value;
    public INamedTypeSymbol? TrainCatalogBase => _trainCatalogBase.Value;
    public INamedTypeSymbol? StandardTrainersCatalog => _standardTrainersCatalog.Value;
    public INamedTypeSymbol? LightGbmExtensions => _lightGbmExtensions.Value;
    public INamedTypeSymbol? SdcaOptionsBase => _sdcaOptionsBase.Value;
    public INamedTypeSymbol? SgdOptionsBase => _sgdOptionsBase.Value;
    public INamedTypeSymbol? LightGbmOptionsBase => _lightGbmOptionsBase.Value;
    public INamedTypeSymbol? AutoCatalog => _autoCatalog.Value;
    public INamedTypeSymbol? AutoMLExperiment => _autoMLExperiment.Value;
    public INamedTypeSymbol? AutoMLExperimentSettings => _autoMLExperimentSettings.Value;
    public INamedTypeSymbol? ModelLineage => _modelLineage.Value;
    public NondeterministicSources Sources => _sources.Value;

    /// <summary>Null when the compilation does not reference ML.NET: every rule then stays silent. Shared per compilation.</summary>
    public static MlNetSymbols? TryCreate(Compilation compilation) =>
        s_perCompilation.GetValue(compilation, static c => new Holder(Create(c))).Symbols;

    private static MlNetSymbols? Create(Compilation compilation)
    {
        var mlContext = compilation.GetTypeByMetadataName(WellKnownNames.MLContext);
        var estimator = mlContext is null ? null : compilation.GetTypeByMetadataName(WellKnownNames.IEstimator);
        return mlContext is null || estimator is null ? null : new MlNetSymbols(compilation, mlContext, estimator);
    }

    private Lazy<INamedTypeSymbol?> Type(string metadataName) =>
        new(() => _compilation.GetTypeByMetadataName(metadataName), LazyThreadSafetyMode.PublicationOnly);

    private sealed class Holder
    {
        public Holder(MlNetSymbols? symbols) => Symbols = symbols;

        public MlNetSymbols? Symbols { get; }
    }

    /// <summary>
    /// A method that trains a model when called: <c>Fit</c> on an <c>IEstimator&lt;T&gt;</c>, a catalog's
    /// <c>CrossValidate*</c>, or running an AutoML experiment.
    /// </summary>
    public bool IsTrainingMethod(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        switch (method.Name)
        {
            case "Fit":
                return ImplementsEstimator(type);
            case "CrossValidate":
            case "CrossValidateNonCalibrated":
                return TrainCatalogBase is not null && DerivesFrom(type, TrainCatalogBase);
            case "Execute":
            case "Run":
            case "RunAsync":
                return type.ContainingNamespace?.ToDisplayString() == WellKnownNames.AutoMLNamespace;
            default:
                return false;
        }
    }

    /// <summary>
    /// A call that splits or shuffles data with the context's generator: <c>TrainTestSplit</c>,
    /// <c>CrossValidationSplit</c> or <c>ShuffleRows</c> of the data catalog, or any ML.NET catalog's
    /// <c>CrossValidate*</c>, without a seed of its own (absent or null), so that the rows a model is trained on
    /// depend on the context's seed.
    /// </summary>
    public bool IsRandomSplit(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        var ofMlNet = method.Name switch
        {
            "TrainTestSplit" or "CrossValidationSplit" or "ShuffleRows" => DataOperationsCatalog is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, DataOperationsCatalog),
            "CrossValidate" or "CrossValidateNonCalibrated" => IsInMlNetNamespace(type),
            _ => false,
        };
        return ofMlNet && (invocation.Arguments.ArgumentFor(WellKnownNames.SeedParameter) is not { } seed || seed.Value.IsNullConstant());
    }

    /// <summary>Whether the type is declared in <c>Microsoft.ML</c> or a namespace inside it.</summary>
    private static bool IsInMlNetNamespace(INamedTypeSymbol type)
    {
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "ML" && ns.ContainingNamespace is { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    public bool ImplementsEstimator(ITypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Estimator))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, Estimator))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it (generic definitions compared).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsMLContextCreation(IObjectCreationOperation creation) =>
        SymbolEqualityComparer.Default.Equals(creation.Type, MLContext);
}
