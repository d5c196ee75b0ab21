using ModelGates.Testing;

namespace ModelGates.Cli.Tests;

/// <summary>
/// Every malformed file or contract in tests/corpus/bad-inputs gets its own MG code and exit code, as
/// JSON on stdout, and nothing is written where the output would have gone.
/// </summary>
public sealed class BadInputCorpusTests
{
    private static readonly string Corpus = RepoPaths.Combine("tests", "corpus", "bad-inputs");

    /// <summary>Case name, arguments separated by '|' ({out} is the output path), expected code, exit code, contract line or 0.</summary>
    public static TheoryData<string, string, string, int, int> Cases() => new()
    {
        { "missing data file", "profile|nope.csv|-o|{out}", "MG0101", 3, 0 },
        { "glob that matches nothing", "profile|nomatch-*.csv|-o|{out}", "MG0102", 3, 0 },
        { "directory given as a file", "profile|a-directory.csv|-o|{out}", "MG0103", 3, 0 },
        { "0-byte file", "profile|empty.csv|-o|{out}", "MG0104", 3, 0 },
        { "header-only file", "profile|header-only.csv|-o|{out}", "MG0105", 3, 0 },
        { "every row unparseable", "infer|all-rows-bad.csv|-o|{out}", "MG0105", 3, 0 },
        { "corrupt Parquet", "profile|corrupt.parquet|-o|{out}", "MG0106", 3, 0 },
        { "invalid UTF-8", "infer|latin1.csv|-o|{out}", "MG0107", 3, 0 },
        { "unknown extension", "profile|book.xlsx|-o|{out}", "MG0108", 3, 0 },
        { "malformed JSON Lines", "profile|malformed.jsonl|-o|{out}", "MG0109", 3, 0 },
        { "gzip extension on plain text", "profile|notgzip.csv.gz|-o|{out}", "MG0110", 3, 0 },
        { "CSV passed as a profile", "profile|merge|not-a-profile.json|wrong-version.profile.json|-o|{out}", "MG0111", 3, 0 },
        { "profile of a future schema version", "profile|merge|wrong-version.profile.json|wrong-version.profile.json|-o|{out}", "MG0111", 3, 0 },
        { "missing contract", "validate|small.csv|--contract|nope.contract.json", "MG0010", 2, 0 },
        { "contract that is not JSON", "validate|small.csv|--contract|invalid-json.contract.json", "MG0011", 2, 5 },
        { "misspelled contract key", "validate|small.csv|--contract|misspelled-key.contract.json", "MG0012", 2, 5 },
        { "wrong value type in contract", "validate|small.csv|--contract|wrong-type.contract.json", "MG0013", 2, 5 },
        { "check without a name", "validate|small.csv|--contract|check-without-name.contract.json", "MG0014", 2, 5 },
        { "min above max", "validate|small.csv|--contract|min-above-max.contract.json", "MG0015", 2, 5 },
        { "unknown value type", "validate|small.csv|--contract|unknown-type.contract.json", "MG0015", 2, 4 },
        { "share above 1", "validate|small.csv|--contract|share-out-of-range.contract.json", "MG0015", 2, 5 },
        { "column declared twice", "validate|small.csv|--contract|duplicate-column.contract.json", "MG0015", 2, 6 },
        { "invalid regular expression", "validate|small.csv|--contract|bad-regex.contract.json", "MG0015", 2, 4 },
        { "contract of a future schema version", "validate|small.csv|--contract|future-version.contract.json", "MG0016", 2, 2 },
        { "SQL check naming no column", "validate|small.csv|--contract|bad-sql.contract.json", "MG0017", 2, 5 },
        { "SQL check that is not boolean", "validate|small.csv|--contract|non-boolean-sql.contract.json", "MG0017", 2, 5 },
        { "unknown command", "profiel|small.csv", "MG0001", 2, 0 },
        { "unknown option", "profile|small.csv|--outptu|{out}", "MG0002", 2, 0 },
        { "missing required option", "validate|small.csv", "MG0003", 2, 0 },
        { "unknown output format", "validate|small.csv|--contract|valid.contract.json|--format|yaml", "MG0004", 2, 0 },
        { "output folder is a file", "profile|small.csv|-o|small.csv/out.json", "MG0020", 2, 0 },
        { "unparseable rows in a profile", "profile|all-rows-bad.csv|--header|false|--max-unparsed-rows|0|-o|{out}", "MG2001", 1, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gets_its_code_and_exit_code_and_writes_nothing(string name, string arguments, string code, int exitCode, int contractLine)
    {
        var outDir = Directory.CreateTempSubdirectory("mg-bad-").FullName;
        try
        {
            var output = Path.Combine(outDir, "out.json");
            var args = arguments.Split('|').Select(a => a.Replace("{out}", output, StringComparison.Ordinal)).Append("--format").Append("json");
            if (arguments.Contains("--format", StringComparison.Ordinal))
            {
                args = arguments.Split('|');
            }

            var result = CliRunner.Run(Corpus, args.ToArray());

            Assert.True(exitCode == result.ExitCode, $"{name}: expected exit {exitCode}, got {result}");
            Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
            if (!arguments.Contains("--format", StringComparison.Ordinal))
            {
                var json = result.Json();
                Assert.False(json.GetProperty("passed").GetBoolean());
                var first = json.GetProperty("diagnostics")[0];
                Assert.True(code == first.GetProperty("code").GetString(), $"{name}: expected {code}, got {result}");
                Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("message").GetString()));
                if (contractLine > 0)
                {
                    Assert.Equal(contractLine, first.GetProperty("line").GetInt32());
                }
            }
            else
            {
                Assert.Contains(code, result.Stdout + result.Stderr, StringComparison.Ordinal);
            }

            Assert.Empty(Directory.EnumerateFileSystemEntries(outDir));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
