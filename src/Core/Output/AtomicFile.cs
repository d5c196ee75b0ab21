using ModelGates.Diagnostics;

namespace ModelGates.Output;

/// <summary>
/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the same
/// folder, which then replaces the target in one rename.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="OutputException">The file or its folder cannot be written (MG0020).</exception>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new OutputException(DiagnosticCatalog.OutputNotWritable.Create($"Cannot write '{path}': {e.Message}") with { File = path });
        }
    }

    /// <summary>Writes UTF-8 text atomically.</summary>
    public static void WriteText(string path, string text) => Write(path, System.Text.Encoding.UTF8.GetBytes(text));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>An output could not be written; carries its MG0020 diagnostic (exit code 2).</summary>
internal sealed class OutputException : ModelGatesException
{
    /// <summary>Creates the exception from its diagnostic.</summary>
    public OutputException(Diagnostic diagnostic)
        : base([diagnostic], ExitCodes.UsageError)
    {
    }
}
