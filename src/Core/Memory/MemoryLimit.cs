using System.Globalization;
using ModelGates.Diagnostics;

namespace ModelGates.Memory;

/// <summary>
/// The memory a run may use for the data it holds (<c>--memory-limit</c>, <c>"memoryLimit"</c> in modelgates.json).
/// A profile, and a drift comparison against a stored profile, hold a dataset's number columns in memory and are
/// exact while those fit in the limit; beyond it they stream the data in bounded memory (docs/profiles.md).
/// Given explicitly, the limit is DuckDB's <c>memory_limit</c> too, so tables and sorts beyond it spill to disk; otherwise
/// it becomes so before the first table estimated beyond it is loaded (Parquet, JSON Lines, CSV read as a table).
/// </summary>
public sealed class MemoryLimit
{
    private MemoryLimit(long bytes, bool isExplicit)
    {
        Bytes = bytes;
        IsExplicit = isExplicit;
    }

    /// <summary>The default: 256 MB of column data; DuckDB keeps its own default limit until a table beyond 256 MB is loaded.</summary>
    public static MemoryLimit Default { get; } = new(256L << 20, false);

    /// <summary>The smallest limit accepted: 16 MB.</summary>
    public const long MinimumBytes = 16L << 20;

    /// <summary>The limit in bytes.</summary>
    public long Bytes { get; }

    /// <summary>True when the user gave the limit (then it is DuckDB's limit too).</summary>
    public bool IsExplicit { get; }

    /// <summary>
    /// Reads a limit such as <c>512MB</c>, <c>1.5GB</c> or <c>800000000</c> (bytes): a number and a unit among B, KB, MB,
    /// GB and TB (powers of 1,024; KiB, MiB, GiB and TiB are accepted too), case-insensitive, at least 16 MB.
    /// </summary>
    /// <param name="text">The value as written.</param>
    /// <exception cref="ConfigurationException">The value is not a size, or is below 16 MB (MG0160, exit code 2).</exception>
    public static MemoryLimit Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text) ?? throw new ConfigurationException(DiagnosticCatalog.InvalidMemoryLimit.Create(InvalidMessage(text)));
    }

    /// <summary>The limit <paramref name="text"/> writes, or null when it is not a size of at least 16 MB.</summary>
    internal static MemoryLimit? TryParse(string text) =>
        TryParseBytes(text, out var bytes) && bytes >= MinimumBytes ? new MemoryLimit(bytes, true) : null;

    /// <summary>The message of MG0160 for a value that is not a limit (one text for the command line and modelgates.json).</summary>
    internal static string InvalidMessage(string text) =>
        $"'{text}' is not a memory limit. Write a size of at least 16 MB, such as 512MB or 2GB (units B, KB, MB, GB, TB, powers of 1,024).";

    /// <summary>A limit of any size not given to DuckDB from the start (tests use tiny ones to stream small files).</summary>
    internal static MemoryLimit OfBytes(long bytes) => new(bytes, false);

    /// <summary>
    /// The least DuckDB is given: its CSV reader alone allocates buffers of about 32 MB per thread, so a smaller
    /// <c>memory_limit</c> fails every read instead of bounding it.
    /// </summary>
    internal const long DuckDbMinimumBytes = 128L << 20;

    /// <summary>
    /// The limit as DuckDB's <c>memory_limit</c> setting reads it when the run already holds <paramref name="held"/> bytes of its own (a direct read's
    /// arrays): the limit less those, at least <see cref="DuckDbMinimumBytes"/>.
    /// </summary>
    internal string DuckDbSettingBeside(long held) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(Bytes - Math.Max(0, held), DuckDbMinimumBytes) / 1024}KiB");

    /// <inheritdoc />
    public override string ToString() => Bytes % (1L << 30) == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Bytes >> 30}GB")
        : string.Create(CultureInfo.InvariantCulture, $"{Bytes / (double)(1L << 20):0.##}MB");

    private static bool TryParseBytes(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] == '.'))
        {
            split++;
        }

        if (split == 0 || !double.TryParse(trimmed[..split], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        long? unit = trimmed[split..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KB" or "KIB" => 1L << 10,
            "MB" or "MIB" => 1L << 20,
            "GB" or "GIB" => 1L << 30,
            "TB" or "TIB" => 1L << 40,
            _ => null,
        };
        if (unit is null || !(number * unit.Value < long.MaxValue / 2))
        {
            return false;
        }

        bytes = (long)Math.Round(number * unit.Value);
        return true;
    }
}
