namespace ModelGates.Models.Evaluation.Slices;

/// <summary>The rows of one slice.</summary>
/// <param name="Name">The slice's name: <c>Home=owner</c> for a column value, the predicate's name otherwise.</param>
/// <param name="Definition">The group it belongs to.</param>
/// <param name="Rows">0-based indices of its rows in the evaluation data, ascending.</param>
public sealed record SliceRows(string Name, SliceDefinition Definition, int[] Rows);
