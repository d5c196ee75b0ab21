using ModelGates.Diagnostics;
using ModelGates.Quality.Integrity;

namespace ModelGates.Quality.Checks;

/// <summary>
/// <c>leakage</c> (MG2102): rows of the data (a holdout) whose features equal a row of the reference (training data).
/// The label is not compared: a holdout row the model trained on is leaked whatever its label says.
/// </summary>
internal sealed class LeakageCheck : IQualityCheck
{
    /// <inheritdoc />
    public string Id => "leakage";

    /// <inheritdoc />
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.TrainTestLeakage;

    /// <inheritdoc />
    public bool Applies(QualityContext context) => context.Reference is not null;

    /// <inheritdoc />
    public IEnumerable<CheckFinding> Run(QualityContext context, QualityCheckSettings settings)
    {
        var reference = context.ReferenceHashes.Features;
        var first = new Dictionary<UInt128, long>(reference.Length, RowHashComparer.Instance);
        for (var i = 0; i < reference.Length; i++)
        {
            first.TryAdd(reference[i], i);
        }

        var data = context.Hashes.Features;
        var candidates = new List<(long Row, long Reference)>();
        for (var i = 0; i < data.Length; i++)
        {
            if (first.TryGetValue(data[i], out var match))
            {
                candidates.Add((i, match));
            }
        }

        var features = context.Data.Features;
        var mine = RowValues.Of(context.Data, features, candidates.Select(c => c.Row));
        var theirs = RowValues.Of(context.Reference!, features, candidates.Select(c => c.Reference));
        var rows = candidates
            .Where(c => RowValues.Same(mine[c.Row], theirs[c.Reference]))
            .Select(c => QualityContext.Row(c.Row, 1, ("referenceRow", context.Reference!.KeyOf(c.Reference))))
            .ToList();
        if (rows.Count > 0)
        {
            yield return context.Finding(this, settings, null, rows.Count, rows);
        }
    }
}
