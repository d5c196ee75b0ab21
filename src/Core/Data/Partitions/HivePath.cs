namespace ModelGates.Data.Partitions;

/// <summary>
/// The <c>key=value</c> folders of a file path, read exactly as DuckDB's <c>hive_partitioning</c> reads them, so
/// that the columns ModelGates expects are the columns DuckDB adds: every folder segment (never the file name)
/// with one <c>=</c> and a non-empty key, anywhere in the path as given; a segment after a <c>?</c> is not one;
/// the first of two segments with the same key wins. Keys come back in ordinal order, the order DuckDB adds them.
/// </summary>
internal static class HivePath
{
    /// <summary>The partition keys and raw (still URL-escaped) values of <paramref name="path"/>.</summary>
    public static SortedDictionary<string, string> Parse(string path)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var start = 0;
        var equals = -1;
        var candidate = true;
        for (var c = 0; c < path.Length; c++)
        {
            var ch = path[c];
            if (ch is '?' or '\n')
            {
                candidate = false;
            }

            if (ch is '/' or '\\')
            {
                if (candidate && equals > start)
                {
                    result.TryAdd(path[start..equals], path[(equals + 1)..c]);
                }

                start = c + 1;
                equals = -1;
                candidate = true;
            }
            else if (ch == '=')
            {
                if (equals > start)
                {
                    // A second equals sign after a key: not a partition folder (DuckDB's rule, to the character).
                    candidate = false;
                }

                equals = c;
            }
        }

        return result;
    }
}
