using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelGates.Analyzers.Infrastructure;

/// <summary>
/// The ML.NET (and optional AutoML / ModelGates.Lineage) types the rules need, resolved once per compilation.
/// </summary>
internal sealed class MlNetSymbols
{
    private MlNetSymbols(Compilation compilation, INamedTypeSymbol mlContext, INamedTypeSymbol estimator)
    {
        MLContext = mlContext;
        Estimator = estimator;
        DataView = compilation.GetTypeByMetadataName(WellKnownNames.IDataView);
        ModelOperationsCatalog = compilation.GetTypeByMetadataName(WellKnownNames.ModelOperationsCatalog);
        TrainCatalogBase = compilation.GetTypeByMetadataName(WellKnownNames.TrainCatalogBase);
        StandardTrainersCatalog = compilation.GetTypeByMetadataName(WellKnownNames.StandardTrainersCatalog);
        LightGbmExtensions = compilation.GetTypeByMetadataName(WellKnownNames.LightGbmExtensions);
        SdcaOptionsBase = compilation.GetTypeByMetadataName(WellKnownNames.SdcaOptionsBase);
        SgdOptionsBase = compilation.GetTypeByMetadataName(WellKnownNames.SgdOptionsBase);
        LightGbmOptionsBase = compilation.GetTypeByMetadataName(WellKnownNames.LightGbmOptionsBase);
        AutoCatalog = compilation.GetTypeByMetadataName(WellKnownNames.AutoCatalog);
        AutoMLExperiment = compilation.GetTypeByMetadataName(WellKnownNames.AutoMLExperiment);
        AutoMLExperimentSettings = compilation.GetTypeByMetadataName(WellKnownNames.AutoMLExperimentSettings);
        ModelLineage = compilation.GetTypeByMetadataName(WellKnownNames.ModelLineage);
        Sources = new NondeterministicSources(compilation);
    }

    public INamedTypeSymbol MLContext { get; }
    public INamedTypeSymbol Estimator { get; }
    public INamedTypeSymbol? DataView { get; }
    public INamedTypeSymbol? ModelOperationsCatalog { get; }
    public INamedTypeSymbol? TrainCatalogBase { get; }
    public INamedTypeSymbol? StandardTrainersCatalog { get; }
    public INamedTypeSymbol? LightGbmExtensions { get; }
    public INamedTypeSymbol? SdcaOptionsBase { get; }
    public INamedTypeSymbol? SgdOptionsBase { get; }
    public INamedTypeSymbol? LightGbmOptionsBase { get; }
    public INamedTypeSymbol? AutoCatalog { get; }
    public INamedTypeSymbol? AutoMLExperiment { get; }
    public INamedTypeSymbol? AutoMLExperimentSettings { get; }
    public INamedTypeSymbol? ModelLineage { get; }
    public NondeterministicSources Sources { get; }

    /// <summary>Null when the compilation does not reference ML.NET: every rule then stays silent.</summary>
    public static MlNetSymbols? TryCreate(Compilation compilation)
    {
        var mlContext = compilation.GetTypeByMetadataName(WellKnownNames.MLContext);
        var estimator = compilation.GetTypeByMetadataName(WellKnownNames.IEstimator);
        return mlContext is null || estimator is null ? null : new MlNetSymbols(compilation, mlContext, estimator);
    }

    /// <summary>
    /// An invocation that trains a model: <c>Fit</c> on an <c>IEstimator&lt;T&gt;</c>, a catalog's
    /// <c>CrossValidate*</c>, or running an AutoML experiment.
    /// </summary>
    public bool IsTrainingInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
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
