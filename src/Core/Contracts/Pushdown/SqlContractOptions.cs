namespace ModelGates.Contracts.Pushdown;

/// <summary>How <see cref="SqlContractValidator"/> reads a relation.</summary>
internal sealed record SqlContractOptions
{
    /// <summary>The dataset as messages name it (<c>warehouse:public.applications</c>); by default the relation's text.</summary>
    public string? DisplayName { get; init; }

    /// <summary>
    /// An integer column that numbers the rows (a load order, a record number, a surrogate key). When given, example
    /// rows are the first failing rows by this column and carry its value as their row number, exactly as a file's
    /// examples carry their record number; the column itself is not reported as undeclared. When null, examples
    /// are ordered by their value (by code point, missing last) and carry row 0: a table row has no record number.
    /// </summary>
    public string? RowNumberColumn { get; init; }

    /// <summary>The bound of the parse check (a table has no unparsed rows; the check is reported, measured 0, so a table and a file list the same checks).</summary>
    public long MaxUnparsedRows { get; init; }
}
