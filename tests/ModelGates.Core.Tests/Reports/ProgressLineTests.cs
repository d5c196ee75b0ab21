using ModelGates.Reports;
using ModelGates.Shared;

namespace ModelGates.Tests.Reports;

/// <summary>Progress lines: the engine writes them, the MSBuild task recognises them with the same code.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void A_progress_line_names_the_elapsed_time_and_is_recognised()
    {
        var line = ProgressLine.Format(TimeSpan.FromSeconds(3.14), "drift 'scoring': comparing 'scoring' with 'reference.json'");

        Assert.Equal("[   3.1s] drift 'scoring': comparing 'scoring' with 'reference.json'", line);
        Assert.True(SharedConstants.Progress.IsProgressLine(line));
        Assert.True(SharedConstants.Progress.IsProgressLine(ProgressLine.Format(TimeSpan.FromHours(30), "x")));
    }

    [Theory]
    [InlineData("error MG2006 [Age]: 37 value(s) of column 'Age' are above the maximum 68.")]
    [InlineData("contract 'applications': 14 checks, 0 failed, 0 warned, 0 waived: passed")]
    [InlineData("[Age] is out of range")]
    [InlineData("[abc s] x")]
    [InlineData("")]
    public void Other_lines_are_not_progress(string line)
    {
        Assert.False(SharedConstants.Progress.IsProgressLine(line));
    }
}
