using ModelGates.Diagnostics;
using ModelGates.Models.Evaluation.Slices;
using ModelGates.Models.Metrics;

namespace ModelGates.Models.Evaluation.Pushdown;

/// <summary>The metrics of one slice (or of all rows), computed in the database.</summary>
/// <param name="Name">The slice's name as a file's slices name it (<c>Home=owner</c>, <c>Home=(missing)</c>, a predicate's name); <c>all</c> for every row.</param>
/// <param name="Definition">The slice's group, or null for all rows.</param>
/// <param name="Count">Its rows.</param>
/// <param name="Metrics">Each pushed-down metric by id, in the task's registry order.</param>
internal sealed record SqlSliceMetricsRow(string Name, SliceDefinition? Definition, long Count, IReadOnlyDictionary<string, MetricValue> Metrics);

/// <summary>The metrics of every slice of a predictions table.</summary>
/// <param name="Overall">All rows.</param>
/// <param name="Slices">Column slices by value (code-point order, missing last) per group, then predicate slices in declared order, as <see cref="SliceResolver"/> orders a file's.</param>
/// <param name="Diagnostics">MG4032 for each metric asked for that was not computed.</param>
/// <param name="Queries">How many queries were sent (one scan each).</param>
internal sealed record SqlSliceResult(SqlSliceMetricsRow Overall, IReadOnlyList<SqlSliceMetricsRow> Slices, IReadOnlyList<Diagnostic> Diagnostics, int Queries);
