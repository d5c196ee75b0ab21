using System.Globalization;

namespace ModelGates.Data.Partitions;

/// <summary>How a partition condition compares a partition's value.</summary>
internal enum PartitionOperator
{
    /// <summary><c>=</c> (also a value written without an operator).</summary>
    Equal,

    /// <summary><c>!=</c> (or <c>&lt;&gt;</c>).</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary>One of a list of values.</summary>
    In,
}

/// <summary>Where a condition was written: a config file's line, or a command-line option.</summary>
/// <param name="Description">How to name it in a message (<c>--partition</c>, <c>'partitions' of dataset 'scoring'</c>).</param>
/// <param name="File">The config file, or null on the command line.</param>
/// <param name="Line">The line in <paramref name="File"/>.</param>
/// <param name="Column">The column in <paramref name="File"/>.</param>
internal sealed record PartitionOrigin(string Description, string? File = null, int? Line = null, int? Column = null);

/// <summary>One condition on one partition key; the values are text, typed like the partition column when applied.</summary>
/// <param name="Key">The partition key as written.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Values">One value, or the list of <see cref="PartitionOperator.In"/>.</param>
/// <param name="Origin">Where it was written; not part of its identity.</param>
internal sealed record PartitionCondition(string Key, PartitionOperator Operator, IReadOnlyList<string> Values, PartitionOrigin Origin)
{
    /// <summary>The SQL comparison operator (not for <see cref="PartitionOperator.In"/>).</summary>
    public string Symbol => Operator switch
    {
        PartitionOperator.Equal => "=",
        PartitionOperator.NotEqual => "!=",
        PartitionOperator.Less => "<",
        PartitionOperator.LessOrEqual => "<=",
        PartitionOperator.Greater => ">",
        PartitionOperator.GreaterOrEqual => ">=",
        _ => "in",
    };

    /// <summary>The condition in the command line's spelling: <c>day&gt;=2026-11-01</c>, <c>region in (eu, us)</c>.</summary>
    public string Text => Operator == PartitionOperator.In
        ? string.Create(CultureInfo.InvariantCulture, $"{Key} in ({string.Join(", ", Values)})")
        : Key + Symbol + Values[0];

    /// <summary>Reads an operator at the start of <paramref name="text"/>; null when there is none.</summary>
    public static (PartitionOperator Operator, int Length)? ReadOperator(ReadOnlySpan<char> text) => text switch
    {
        _ when text.StartsWith(">=") => (PartitionOperator.GreaterOrEqual, 2),
        _ when text.StartsWith("<=") => (PartitionOperator.LessOrEqual, 2),
        _ when text.StartsWith("!=") => (PartitionOperator.NotEqual, 2),
        _ when text.StartsWith("<>") => (PartitionOperator.NotEqual, 2),
        _ when text.StartsWith("=") => (PartitionOperator.Equal, 1),
        _ when text.StartsWith("<") => (PartitionOperator.Less, 1),
        _ when text.StartsWith(">") => (PartitionOperator.Greater, 1),
        _ => null,
    };
}
