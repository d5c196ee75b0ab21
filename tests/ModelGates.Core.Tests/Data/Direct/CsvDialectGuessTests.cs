using ModelGates.Data;
using ModelGates.Data.Direct;
using ModelGates.Testing;

namespace ModelGates.Tests.Data.Direct;

public sealed class CsvDialectGuessTests
{
    [Fact]
    public void A_common_csv_is_guessed_with_its_header_line_ending_and_kinds()
    {
        using var dir = new TempDirectory();
        var path = dir.File("a.csv");
        File.WriteAllText(path, "id,name,flag,score\r\n1,ann,yes,0.5\r\n2,,no,\r\n3,bo,yes,-1.25\r\n");

        var guess = CsvDialectGuess.From(path);

        Assert.NotNull(guess);
        Assert.Equal((byte)',', guess.Delimiter);
        Assert.True(guess.CrLf);
        Assert.True(guess.HasHeader);
        Assert.Equal([DirectColumn.Number, DirectColumn.Text, DirectColumn.Boolean, DirectColumn.Number], guess.Kinds);
    }

    [Fact]
    public void A_headerless_tab_separated_file_is_guessed_without_header()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("b.tsv", "1\t2.5\n3\t4\n5\t6\n");

        var guess = CsvDialectGuess.From(path);

        Assert.NotNull(guess);
        Assert.Equal((byte)'\t', guess.Delimiter);
        Assert.False(guess.CrLf);
        Assert.False(guess.HasHeader);
    }

    [Theory]
    [InlineData("a,b\n\"1\",2\n")]
    [InlineData("just one line\n")]
    [InlineData("a,b\n1,2,3\n4\n")]
    [InlineData("")]
    public void Files_it_cannot_guess_give_no_guess(string text)
    {
        using var dir = new TempDirectory();

        Assert.Null(CsvDialectGuess.From(dir.Write("c.csv", text)));
    }

    [Fact]
    public void The_guess_matches_only_a_sniff_that_agrees_on_everything_the_reader_uses()
    {
        var guess = new CsvDialectGuess((byte)',', false, true, [DirectColumn.Number, DirectColumn.Text]);
        var sniffed = new CsvDialect(",", "\"", "\n", string.Empty, 0, true, []);
        DirectColumn[] kinds = [DirectColumn.Number, DirectColumn.Text];

        Assert.True(guess.Matches(sniffed, kinds));
        Assert.True(guess.Matches(sniffed with { Quote = string.Empty }, kinds));
        Assert.False(guess.Matches(sniffed with { Delimiter = ";" }, kinds));
        Assert.False(guess.Matches(sniffed with { NewLine = "\r\n" }, kinds));
        Assert.False(guess.Matches(sniffed with { HasHeader = false }, kinds));
        Assert.False(guess.Matches(sniffed with { Quote = "'" }, kinds));
        Assert.False(guess.Matches(sniffed with { Comment = "#" }, kinds));
        Assert.False(guess.Matches(sniffed with { SkipRows = 1 }, kinds));
        Assert.False(guess.Matches(sniffed, [DirectColumn.Text, DirectColumn.Text]));
    }
}
