namespace ModelGates.Analyzers;

/// <summary>
/// Metadata names of the APIs the rules look for. Looked up by name so that the analyzers reference
/// neither ML.NET, AutoML nor ModelGates.Lineage (AutoML is not even on this workplace's feed).
/// </summary>
internal static class WellKnownNames
{
    public const string MLContext = "Microsoft.ML.MLContext";
    public const string IEstimator = "Microsoft.ML.IEstimator`1";
    public const string IDataView = "Microsoft.ML.IDataView";
    public const string ModelOperationsCatalog = "Microsoft.ML.ModelOperationsCatalog";
    public const string DataOperationsCatalog = "Microsoft.ML.DataOperationsCatalog";
    public const string MlNetNamespace = "Microsoft.ML";
    public const string TrainCatalogBase = "Microsoft.ML.TrainCatalogBase";
    public const string StandardTrainersCatalog = "Microsoft.ML.StandardTrainersCatalog";
    public const string LightGbmExtensions = "Microsoft.ML.LightGbmExtensions";
    public const string SdcaOptionsBase = "Microsoft.ML.Trainers.SdcaTrainerBase`3+OptionsBase";
    public const string SgdOptionsBase = "Microsoft.ML.Trainers.SgdBinaryTrainerBase`1+OptionsBase";
    public const string LightGbmOptionsBase = "Microsoft.ML.Trainers.LightGbm.LightGbmTrainerBase`4+OptionsBase";

    public const string AutoCatalog = "Microsoft.ML.AutoML.AutoCatalog";
    public const string AutoMLExperiment = "Microsoft.ML.AutoML.AutoMLExperiment";
    public const string AutoMLExperimentSettings = "Microsoft.ML.AutoML.AutoMLExperiment+AutoMLExperimentSettings";
    public const string AutoMLNamespace = "Microsoft.ML.AutoML";

    public const string ModelLineage = "ModelGates.Lineage.ModelLineage";
    public const string ModelLineageNamespace = "ModelGates.Lineage";

    /// <summary>Any attribute of this name (in any namespace) marks training code; ModelGates.Lineage ships one.</summary>
    public const string TrainingCodeAttribute = "TrainingCodeAttribute";

    /// <summary>.editorconfig key: comma-separated namespaces whose code counts as training code.</summary>
    public const string TrainingCodeNamespacesOption = "modelgates_training_code_namespaces";

    /// <summary>Diagnostic property: the fix may add a constant seed in place.</summary>
    public const string AddSeedProperty = "AddSeed";

    /// <summary>Diagnostic property: the trainer family (Sdca, Sgd, LightGbm) a fix edits the options of.</summary>
    public const string FamilyProperty = "Family";

    public const string SeedParameter = "seed";
    public const string NumberOfThreads = "NumberOfThreads";
    public const string Deterministic = "Deterministic";
    public const string ForceColumnWise = "ForceColumnWise";
    public const string ForceRowWise = "ForceRowWise";
    public const string Seed = "Seed";
}
