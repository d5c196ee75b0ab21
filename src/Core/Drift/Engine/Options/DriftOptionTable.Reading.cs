using ModelGates.Configuration.Options;
using ModelGates.Diagnostics;

namespace ModelGates.Drift.Engine.Options;

/// <summary>Checking options and reading them from the command line.</summary>
public static partial class DriftOptionTable
{
    /// <summary>Every value of <paramref name="options"/> that fails its check, in table order, then per column in ordinal order.</summary>
    /// <param name="options">The options to check.</param>
    /// <param name="frontEnd">How messages name an option: as the user wrote it.</param>
    internal static IReadOnlyList<DriftOptionProblem> Check(DriftOptions options, OptionFrontEnd frontEnd)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<DriftOptionProblem>();
        foreach (var option in All.Where(o => o.ForComparison && o.Check is not null))
        {
            if (option.Get!(options) is { } value && option.Check!(value, options.Test, null) is { } failed)
            {
                problems.Add(Problem(option, null, failed, frontEnd));
            }
        }

        foreach (var (column, o) in options.Overrides.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var option in All.Where(x => x.ForColumn && x.Check is not null))
            {
                if (option.GetColumn!(o) is { } value && option.Check!(value, o.Test ?? options.Test, column) is { } failed)
                {
                    problems.Add(Problem(option, column, failed, frontEnd));
                }
            }
        }

        return problems;
    }

    /// <summary>How a message names <paramref name="option"/> (set for <paramref name="column"/>, or for every column when null) where it was written.</summary>
    internal static string NameOf(DriftOption option, string? column, OptionFrontEnd frontEnd)
    {
        ArgumentNullException.ThrowIfNull(option);
        return (frontEnd, column) switch
        {
            (OptionFrontEnd.CommandLine, null) => $"--{option.CliName}",
            (OptionFrontEnd.CommandLine, _) => $"--{option.ColumnCliName} for column '{column}'",
            (OptionFrontEnd.Json, null) => $"'{option.Key}'",
            (OptionFrontEnd.Json, _) => $"'{option.Key}' of column '{column}'",
            (_, null) => $"DriftOptions.{option.PropertyName}",
            _ => $"DriftOptions.Overrides[\"{column}\"].{option.PropertyName}",
        };
    }

    /// <summary>
    /// Reads the options of <c>modelgates drift</c>: each option as <c>--&lt;cli-name&gt; value</c> (the last one
    /// counts), each per-column one as <c>--column-&lt;cli-name&gt; &lt;column&gt;=&lt;value&gt;</c> (repeatable;
    /// <c>--column-skip &lt;column&gt;</c> for a flag), then checks them.
    /// </summary>
    /// <param name="values">Every value given for an option name (without dashes), in order; empty when not given.</param>
    /// <exception cref="ConfigurationException">MG0004 for a value of the wrong shape, MG0030 for an unknown test, MG0034 for a value out of range.</exception>
    public static DriftOptions FromCommandLine(Func<string, IReadOnlyList<string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var options = DriftOptions.Default;
        foreach (var option in All.Where(o => o.ForComparison))
        {
            if (values(option.CliName) is { Count: > 0 } given)
            {
                options = option.Set!(options, ReadText(option, $"--{option.CliName}", given[^1]));
            }
        }

        var overrides = new Dictionary<string, ColumnDriftOverride>(StringComparer.Ordinal);
        foreach (var option in All.Where(o => o.ForColumn))
        {
            foreach (var pair in values(option.ColumnCliName))
            {
                var (column, text) = option.Type == OptionType.Flag ? (pair, string.Empty) : ColumnPair(option, pair);
                var current = overrides.TryGetValue(column, out var existing) ? existing : new ColumnDriftOverride();
                overrides[column] = option.SetColumn!(current, ReadText(option, $"--{option.ColumnCliName} {column}=", text));
            }
        }

        options = options with { Overrides = overrides };
        var problems = Check(options, OptionFrontEnd.CommandLine);
        return problems.Count == 0 ? options : throw new ConfigurationException([.. problems.Select(p => p.Diagnostic)]);
    }

    private static object ReadText(DriftOption option, string name, string text) =>
        OptionValues.TryReadText(option.Type, option.Choices, option.Minimum, text, out var value)
            ? value!
            : throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create($"{name} must be {option.Expected}, not '{text}'."));

    private static (string Column, string Value) ColumnPair(DriftOption option, string pair)
    {
        // The last '=' splits, so a column name may contain one.
        var eq = pair.LastIndexOf('=');
        return eq <= 0 || eq == pair.Length - 1
            ? throw new ConfigurationException(DiagnosticCatalog.InvalidOptionValue.Create(
                $"--{option.ColumnCliName} must look like <column>={option.ValueHint}, not '{pair}'."))
            : (pair[..eq], pair[(eq + 1)..]);
    }

    private static DriftOptionProblem Problem(DriftOption option, string? column, DriftOptionCheck failed, OptionFrontEnd frontEnd)
    {
        var message = failed.Complete ? failed.Message : $"{NameOf(option, column, frontEnd)} {failed.Message}.";
        var diagnostic = failed.Descriptor.Create(message) with { Column = column };
        if (failed.Descriptor == DiagnosticCatalog.UnknownDriftTest)
        {
            diagnostic = diagnostic with { Check = "test" };
        }

        return new DriftOptionProblem(option, column, diagnostic);
    }
}

/// <summary>A drift option whose value fails its check.</summary>
/// <param name="Option">The option.</param>
/// <param name="Column">The column it was set for, or null for every column.</param>
/// <param name="Diagnostic">MG0030 or MG0034, naming the option as it was written.</param>
internal sealed record DriftOptionProblem(DriftOption Option, string? Column, Diagnostic Diagnostic);
