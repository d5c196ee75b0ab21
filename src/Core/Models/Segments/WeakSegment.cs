namespace ModelGates.Models.Segments;

/// <summary>One candidate segment a search tested.</summary>
/// <param name="Description">Its conditions joined by <c>and</c> (<c>Income &lt;= 24000 and Home = RENT</c>).</param>
/// <param name="Rows">Its evaluation rows.</param>
/// <param name="Value">The metric on its rows, or null when undefined there.</param>
/// <param name="Drop">How much worse the metric is inside than overall (positive: worse), or null.</param>
/// <param name="MeanLoss">The mean per-row loss inside, on every row.</param>
/// <param name="PValue">The one-sided Welch p-value on the test half.</param>
/// <param name="AdjustedPValue">Holm-adjusted over every tested candidate.</param>
internal sealed record WeakSegment(string Description, int Rows, double? Value, double? Drop, double MeanLoss, double PValue, double AdjustedPValue);

/// <summary>What a weak-segment search found.</summary>
/// <param name="Metric">The metric compared.</param>
/// <param name="Overall">Its value on every row, or null.</param>
/// <param name="Loss">The per-row loss tested (<c>log loss</c>).</param>
/// <param name="OverallLoss">The mean loss on every row.</param>
/// <param name="MinRows">The smallest segment considered.</param>
/// <param name="Alpha">The family-wise error rate.</param>
/// <param name="Tested">Every candidate tested (the Holm family's size).</param>
/// <param name="Segments">The significant segments, most significant first.</param>
internal sealed record WeakSegmentResult(string Metric, double? Overall, string Loss, double OverallLoss, int MinRows, double Alpha, int Tested, IReadOnlyList<WeakSegment> Segments);
