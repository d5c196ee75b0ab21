using ModelGates.Data;
using ModelGates.Diagnostics;
using ModelGates.Quality;
using ModelGates.Testing;

namespace ModelGates.Tests.Quality;

/// <summary>Inputs that make the quality checks meaningless stop the run with their code and exit code.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_missing_label_column_is_MG0180_with_a_suggestion_and_exit_code_2()
    {
        var e = Assert.Throws<ConfigurationException>(() => InjectedCredit.Run(directory.Write("d.csv", "a,Status\n1,good\n2,bad\n"), new QualityOptions { Label = "status" }));

        Assert.Equal(ExitCodes.UsageError, e.ExitCode);
        Assert.Equal("MG0180", e.Diagnostics[0].Code);
        Assert.Contains("Did you mean 'Status'?", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_with_one_class_is_MG0181_and_exit_code_3()
    {
        var e = Assert.Throws<DataReadException>(() => InjectedCredit.Run(directory.Write("d.csv", "a,y\n1,good\n2,good\n"), new QualityOptions { Label = "y" }));

        Assert.Equal((ExitCodes.DataError, "MG0181"), (e.ExitCode, e.Diagnostics[0].Code));
    }

    [Fact]
    public void An_all_missing_column_is_MG0182_naming_the_column()
    {
        var e = Assert.Throws<DataReadException>(() => InjectedCredit.Run(directory.Write("d.csv", "a,b,y\n1,,0\n2,,1\n"), new QualityOptions { Label = "y" }));

        Assert.Equal((ExitCodes.DataError, "MG0182", "b"), (e.ExitCode, e.Diagnostics[0].Code, e.Diagnostics[0].Column));
    }

    [Fact]
    public void A_key_that_occurs_twice_is_MG0183_at_the_second_line()
    {
        var path = directory.Write("d.csv", "id,a,y\n1,x,0\n2,y,1\n1,z,0\n");

        var e = Assert.Throws<DataReadException>(() => InjectedCredit.Run(path, new QualityOptions { Label = "y", Key = ["id"] }));

        Assert.Equal((ExitCodes.DataError, "MG0183", 4), (e.ExitCode, e.Diagnostics[0].Code, e.Diagnostics[0].Line));
        Assert.Contains("'1' occurs 2 times", e.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_column_is_MG0184_and_an_unknown_check_is_MG0185()
    {
        var path = directory.Write("d.csv", "id,a,y\n1,x,0\n2,y,1\n");

        var key = Assert.Throws<ConfigurationException>(() => InjectedCredit.Run(path, new QualityOptions { Key = ["ID"] }));
        var check = Assert.Throws<ConfigurationException>(() => InjectedCredit.Run(path, new QualityOptions(), only: ["duplicate"]));

        Assert.Equal("MG0184", key.Diagnostics[0].Code);
        Assert.Equal("MG0185", check.Diagnostics[0].Code);
        Assert.Contains("Did you mean 'duplicates'?", check.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_without_the_datas_features_is_MG0187()
    {
        var data = directory.Write("d.csv", "a,b,y\n1,x,0\n2,y,1\n");
        var reference = directory.Write("r.csv", "a,y\n1,0\n");

        var e = Assert.Throws<DataReadException>(() => InjectedCredit.Run(data, new QualityOptions { Label = "y" }, reference: reference));

        Assert.Equal("MG0187", e.Diagnostics[0].Code);
    }
}
