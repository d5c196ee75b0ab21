using ModelGates.Diagnostics;

namespace ModelGates.Models.Evaluation;

/// <summary>Failures of an evaluation, each an explained <see cref="ModelGatesException"/> with the documented exit code.</summary>
internal static class EvaluationErrors
{
    /// <summary>Data, labels, predictions or a model that cannot be used (exit code 3).</summary>
    public static ModelGatesException Data(DiagnosticDescriptor descriptor, string message, string? file = null) =>
        new([descriptor.Create(message) with { File = file }], ExitCodes.DataError);

    /// <summary>A declaration that does not fit the data or the model (exit code 2).</summary>
    public static ModelGatesException Usage(DiagnosticDescriptor descriptor, string message, string? file = null, Configuration.Json.SourcePosition? position = null) =>
        new([descriptor.Create(message) with { File = file, Line = position?.Line, SourceColumn = position?.Column }], ExitCodes.UsageError);
}
