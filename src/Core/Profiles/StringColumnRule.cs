using ModelGates.Data;

namespace ModelGates.Profiles;

/// <summary>
/// Decides whether a string column is categorical or free text: categorical when it has at most
/// <see cref="ProfileSettings.MaxCategories"/> distinct values and at most max(50, half its non-missing
/// values) distinct; otherwise text (identifiers, names, comments). Documented in docs/profiles.md.
/// </summary>
internal static class StringColumnRule
{
    /// <summary>The kind of a string column with <paramref name="distinct"/> distinct values among <paramref name="nonMissing"/>.</summary>
    public static ColumnKind KindOf(long distinct, long nonMissing, ProfileSettings settings) =>
        distinct <= settings.MaxCategories && distinct <= Math.Max(50, nonMissing / 2)
            ? ColumnKind.Categorical
            : ColumnKind.Text;
}
