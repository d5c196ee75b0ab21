using ModelGates.Diagnostics;
using ModelGates.Reports;
using ModelGates.Shared;
using ModelGates.Testing;

namespace ModelGates.Tests.Reports;

/// <summary>
/// The diagnostics file the MSBuild task reads: every diagnostic on one line, any text inside a field escaped,
/// read back by the same format code the task compiles (src/Shared/SharedConstants.cs).
/// </summary>
public sealed class DiagnosticsFileWriterTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Every_field_reads_back_exactly_even_with_tabs_line_breaks_and_backslashes_in_it()
    {
        var tricky = DiagnosticCatalog.PatternMismatch.Create("a\tb\nc\r\nd \\t e \\ f {0} {g}") with
        {
            File = directory.File("a\tweird\\name.json"),
            Line = 12,
            SourceColumn = 7,
        };
        var plain = DiagnosticCatalog.WaiverUnnecessary.Create("No file, no line.");
        var path = directory.File("out/modelgates.diagnostics.tsv");

        DiagnosticsFileWriter.Write(path, [tricky, plain]);

        var lines = File.ReadAllLines(path);
        Assert.Equal(SharedConstants.DiagnosticsFile.Header, lines[0]);
        Assert.Equal("severity\tcode\tfile\tline\tcolumn\tmessage\thelpLink", lines[1]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(
            ["error", tricky.Code, tricky.File!, "12", "7", tricky.Message, "https://github.com/modelgates/modelgates/blob/main/docs/diagnostics/" + tricky.Code + ".md"],
            SharedConstants.DiagnosticsFile.ParseLine(lines[2])!);
        Assert.Equal(
            ["warning", "MG0041", string.Empty, string.Empty, string.Empty, "No file, no line.", DiagnosticCatalog.WaiverUnnecessary.HelpLink],
            SharedConstants.DiagnosticsFile.ParseLine(lines[3])!);
    }

    [Fact]
    public void A_relative_file_is_written_as_a_full_path()
    {
        var diagnostic = DiagnosticCatalog.FileNotFound.Create("missing") with { File = "data/x.csv" };

        var fields = SharedConstants.DiagnosticsFile.ParseLine(DiagnosticsFileWriter.Render([diagnostic]).Split('\n')[2])!;

        Assert.Equal(Path.GetFullPath("data/x.csv"), fields[2]);
    }

    [Theory]
    [InlineData("error\tMG2006\tf\t1\t2\tmessage")]
    [InlineData("error\tMG2006\tf\t1\t2\tmessage\thelp\textra")]
    [InlineData("error\tMG2006\tf\t1\t2\tends in a lone backslash \\\thelp")]
    [InlineData("error\tMG2006\tf\t1\t2\tunknown escape \\x\thelp")]
    public void A_line_not_in_the_format_is_refused_rather_than_guessed(string line)
    {
        Assert.Null(SharedConstants.DiagnosticsFile.ParseLine(line));
    }

    [Fact]
    public void An_empty_run_writes_the_header_alone()
    {
        Assert.Equal(SharedConstants.DiagnosticsFile.Header + "\n" + SharedConstants.DiagnosticsFile.FieldLine + "\n", DiagnosticsFileWriter.Render([]));
    }
}
