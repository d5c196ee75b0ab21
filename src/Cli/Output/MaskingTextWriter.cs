using System.Text;
using ModelGates.Sources;

namespace ModelGates.Cli.Output;

/// <summary>
/// The CLI's stdout and stderr: every line passes through <see cref="SecretMask"/> before it is written, so no
/// result, diagnostic, progress line or internal error can print a connection string or password, whichever code
/// wrote it. Buffers up to the end of a line or a carriage return (a progress percentage), so a secret is never split
/// across two writes; progress arrives from other threads, so every write holds a lock.
/// </summary>
internal sealed class MaskingTextWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder line = new();
    private readonly Lock gate = new();

    /// <summary>The writer the masked text goes to.</summary>
    public TextWriter Inner { get; } = inner;

    /// <inheritdoc />
    public override Encoding Encoding => Inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (gate)
        {
            line.Append(value);
            if (value is '\n' or '\r')
            {
                Emit();
            }
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (gate)
        {
            line.Append(value);
            if (value.AsSpan().IndexOfAny('\n', '\r') >= 0)
            {
                Emit();
            }
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        lock (gate)
        {
            line.Append(value).Append(CoreNewLine);
            Emit();
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        lock (gate)
        {
            Emit();
            Inner.Flush();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    // Everything up to the last line end goes out masked; a partial line waits for its end or a flush.
    private void Emit()
    {
        if (line.Length == 0)
        {
            return;
        }

        Inner.Write(SecretMask.Mask(line.ToString()));
        line.Clear();
    }
}
