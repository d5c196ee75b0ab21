using System.Numerics;

namespace ModelGates.Profiles;

/// <summary>What a string column's profile is built from, however it was counted.</summary>
/// <param name="Count">Non-missing values.</param>
/// <param name="ApproxDistinct">DuckDB's <c>approx_count_distinct</c> of the values (decides categorical or text).</param>
/// <param name="LengthSum">Sum of the values' lengths in characters.</param>
/// <param name="LengthSquares">Sum of the squared lengths.</param>
/// <param name="Top">The most frequent values, most frequent first and ties in value order, at most one more than the categories kept.</param>
internal sealed record TextColumnCounts(long Count, long ApproxDistinct, BigInteger LengthSum, BigInteger LengthSquares, IReadOnlyList<CategoryCount> Top);
