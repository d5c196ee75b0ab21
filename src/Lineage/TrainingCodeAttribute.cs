namespace ModelGates.Lineage;

/// <summary>
/// Marks a method or type as training code for the ModelGates analyzers (MG1001-MG1006), when it does not
/// call <c>Fit</c> itself: for example a helper that prepares training data or builds the MLContext.
/// The analyzers recognise any attribute named <c>TrainingCodeAttribute</c>, so a project that does not
/// reference ModelGates.Lineage can declare its own.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, Inherited = false)]
public sealed class TrainingCodeAttribute : Attribute
{
}
