using System.Runtime.CompilerServices;
using ModelGates.Output;

namespace ModelGates.Xunit;

/// <summary>
/// Exact snapshots of generated text — an HTML report, a Markdown summary — approved in a file next to the test
/// (<c>&lt;TestFile&gt;.&lt;Method&gt;.approved.&lt;extension&gt;</c>). On a mismatch the received text is written beside it
/// and the failure names the first differing line. Accepted as <see cref="Snapshot"/> accepts: rename the file,
/// <c>modelgates accept --snapshots &lt;folder&gt;</c>, or <c>MODELGATES_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public static class TextSnapshot
{
    /// <summary>Matches <paramref name="text"/> against the approved snapshot.</summary>
    /// <param name="text">The received text (line ends are normalised to \n).</param>
    /// <param name="extension">The snapshot files' extension, without the dot (<c>html</c>, <c>md</c>).</param>
    /// <param name="testFile">Filled in by the compiler.</param>
    /// <param name="testName">Filled in by the compiler.</param>
    public static void Match(string text, string extension, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        var (approved, received) = PathsFor(testFile, testName, extension);
        var normalized = text.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(Snapshot.AcceptVariable) == "1")
        {
            AtomicFile.WriteText(approved, normalized);
            File.Delete(received);
            return;
        }

        if (!File.Exists(approved))
        {
            AtomicFile.WriteText(received, normalized);
            throw new ModelGatesAssertException(
                $"No approved snapshot for {testName}. Review {received} and accept it: rename it to {Path.GetFileName(approved)}, run 'modelgates accept --snapshots {Path.GetDirectoryName(received)}', or run the tests with {Snapshot.AcceptVariable}=1.");
        }

        var expected = File.ReadAllText(approved).ReplaceLineEndings("\n");
        if (expected == normalized)
        {
            File.Delete(received);
            return;
        }

        AtomicFile.WriteText(received, normalized);
        var expectedLines = expected.Split('\n');
        var receivedLines = normalized.Split('\n');
        var line = Enumerable.Range(0, Math.Min(expectedLines.Length, receivedLines.Length)).FirstOrDefault(i => expectedLines[i] != receivedLines[i], Math.Min(expectedLines.Length, receivedLines.Length));
        throw new ModelGatesAssertException(
            $"The text differs from the approved snapshot {Path.GetFileName(approved)} first at line {line + 1}:\n" +
            $"  approved: {Excerpt(expectedLines, line)}\n  received: {Excerpt(receivedLines, line)}\n" +
            $"received: {received}\naccept with: modelgates accept --snapshots {Path.GetDirectoryName(received)}  (or {Snapshot.AcceptVariable}=1)\n");
    }

    /// <summary>The snapshot files of a test.</summary>
    internal static (string Approved, string Received) PathsFor(string testFile, string testName, string extension)
    {
        testFile = SourceFileLocator.Resolve(testFile);
        var stem = Path.Combine(Path.GetDirectoryName(testFile)!, $"{Path.GetFileNameWithoutExtension(testFile)}.{testName}");
        return ($"{stem}.approved.{extension}", $"{stem}.received.{extension}");
    }

    private static string Excerpt(string[] lines, int index) =>
        index >= lines.Length ? "(end of text)" : lines[index].Length <= 160 ? lines[index] : lines[index][..157] + "...";
}
