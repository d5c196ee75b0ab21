using System.Globalization;
using System.Text;
using ModelGates.Models.Predictions;

namespace ModelGates.Xunit;

/// <summary>Which way a directional expectation allows the prediction to move.</summary>
public enum Expect
{
    /// <summary>The change must not raise the prediction (by more than the tolerance).</summary>
    NotIncrease,

    /// <summary>The change must not lower the prediction (by more than the tolerance).</summary>
    NotDecrease,
}

/// <summary>What a behavioural test saw, for further assertions.</summary>
/// <param name="Rows">The rows (or cases) tested.</param>
/// <param name="Violations">How many broke the rule.</param>
/// <param name="LargestChange">The largest change of the prediction in the direction the rule forbids (invariance: in either direction); 0 for minimum functionality.</param>
/// <param name="Skipped">Rows not tested (a directional change of a missing value).</param>
public sealed record BehaviourResult(int Rows, int Violations, double LargestChange, int Skipped);

/// <summary>
/// Behavioural tests of a tabular model, after CheckList (Ribeiro et al., 2020): invariance (a change that should
/// not matter does not move the prediction), directional expectations (a change moves the prediction only one
/// way) and minimum functionality (hand-written cases get the expected outcome). The evaluation rows of a
/// <see cref="ModelFixture"/> are changed in memory and scored by the model; a failure lists the rows that broke
/// the rule with the value and the prediction before and after.
/// </summary>
public static class Behaviour
{
    /// <summary>The number of failing rows or cases a message lists by default.</summary>
    internal const int DefaultShown = 10;

    /// <summary>
    /// Asserts that <paramref name="change"/> to <paramref name="column"/> moves no row's prediction by more than
    /// <paramref name="tolerance"/> (binary: the probability of the positive class; regression: the value;
    /// multiclass: the probability of <paramref name="ofClass"/>, or of every class when null).
    /// </summary>
    /// <param name="model">The model and its evaluation rows.</param>
    /// <param name="column">The column changed.</param>
    /// <param name="change">The change (<see cref="Perturbation.Set"/>, <see cref="Perturbation.Add"/>, ...).</param>
    /// <param name="tolerance">The largest allowed change of a prediction.</param>
    /// <param name="ofClass">Multiclass: the class whose probability is compared; null compares every class.</param>
    /// <param name="show">How many failing rows the message lists (the count of all is given).</param>
    /// <exception cref="ModelGatesAssertException">A row's prediction moved by more than the tolerance.</exception>
    public static BehaviourResult Invariance(ModelFixture model, string column, Perturbation change, double tolerance = 0.01, string? ofClass = null, int show = DefaultShown)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(change);
        var run = Run(model, column, change, ofClass, skipMissing: false);
        var broken = run.Changes.Where(c => !(Math.Abs(c.Change) <= tolerance)).ToList();
        var largest = run.Changes.Select(c => c.Change).DefaultIfEmpty(0).MaxBy(Math.Abs);
        var what = $"Invariance: {change.Describe(column)} {(broken.Count == 0 ? "moves no" : "moves the")} prediction ({run.Measure}) by more than {Prediction.Number(tolerance)}";
        return Report(model, what, run, broken, largest, show);
    }

    /// <summary>
    /// Asserts that <paramref name="change"/> to <paramref name="column"/> moves every row's prediction only the
    /// way <paramref name="expect"/> allows, beyond <paramref name="tolerance"/>. Rows whose value is missing are skipped.
    /// </summary>
    /// <param name="model">The model and its evaluation rows.</param>
    /// <param name="column">The column changed.</param>
    /// <param name="change">The change (<see cref="Perturbation.Add"/>, <see cref="Perturbation.Multiply"/>, ...).</param>
    /// <param name="expect">Whether the prediction may not rise or may not fall.</param>
    /// <param name="tolerance">How far the prediction may move the forbidden way.</param>
    /// <param name="ofClass">Multiclass: the class whose probability is compared (required).</param>
    /// <param name="show">How many failing rows the message lists (the count of all is given).</param>
    /// <exception cref="ModelGatesAssertException">A row's prediction moved the forbidden way by more than the tolerance.</exception>
    public static BehaviourResult Directional(ModelFixture model, string column, Perturbation change, Expect expect, double tolerance = 0.0, string? ofClass = null, int show = DefaultShown)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(change);
        if (model.Data.Task == ModelTask.Multiclass && ofClass is null)
        {
            throw new ArgumentException("A directional expectation of a multiclass model is about one class's probability; name it with ofClass.", nameof(ofClass));
        }

        var run = Run(model, column, change, ofClass, skipMissing: true);
        var sign = expect == Expect.NotIncrease ? 1.0 : -1.0;
        var broken = run.Changes.Where(c => !(sign * c.Change <= tolerance)).ToList();
        var largest = run.Changes.Select(c => sign * c.Change).DefaultIfEmpty(0).Max() * sign;
        var verb = expect == Expect.NotIncrease ? "raises" : "lowers";
        var what = string.Create(CultureInfo.InvariantCulture, $"Directional expectation: {change.Describe(column)} must not {(expect == Expect.NotIncrease ? "raise" : "lower")} the prediction ({run.Measure}) by more than {Prediction.Number(tolerance)}; it {(broken.Count == 0 ? "never does" : $"{verb} it")}");
        return Report(model, what, run, broken, largest, show);
    }

    /// <summary>
    /// Asserts that every hand-written case gets its expected outcome. Each case's values are laid over
    /// <paramref name="template"/> (for example one of <see cref="ModelFixture.Rows"/>, so a case names only the
    /// columns that matter); columns neither gives are missing values.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="cases">The cases (<see cref="BehaviourCase.Class"/>, <see cref="BehaviourCase.Range"/>).</param>
    /// <param name="template">The values of columns a case does not give, or null.</param>
    /// <exception cref="ModelGatesAssertException">A case did not get its expected outcome.</exception>
    /// <exception cref="ArgumentException">A case names a column the model does not read or a class the model does not predict, expects a class of a regression model, or bounds a multiclass prediction without naming the class.</exception>
    public static BehaviourResult MinimumFunctionality(ModelFixture model, IEnumerable<BehaviourCase> cases, IReadOnlyDictionary<string, object?>? template = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cases);
        var list = cases.ToList();
        var reads = new HashSet<string>(model.Model.InputColumns, StringComparer.Ordinal);
        foreach (var c in list)
        {
            if (c.Values.Keys.FirstOrDefault(k => !reads.Contains(k)) is { } unknown)
            {
                throw new ArgumentException($"Case '{c.Name}' sets column '{unknown}', which model '{model.Model.Name}' does not read (it reads: {string.Join(", ", model.Model.InputColumns)}).", nameof(cases));
            }

            if (c.ExpectedClass is not null && model.Data.Task == ModelTask.Regression)
            {
                throw new ArgumentException($"Case '{c.Name}' expects a class of a regression model; use BehaviourCase.Range.", nameof(cases));
            }

            if (c.ExpectedClass is null && c.OfClass is null && model.Data.Task == ModelTask.Multiclass)
            {
                throw new ArgumentException($"Case '{c.Name}' bounds the prediction of a multiclass model, which predicts one probability per class; name the class with ofClass.", nameof(cases));
            }
        }

        var rows = list.Select(c =>
        {
            var row = template is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(template, StringComparer.Ordinal);
            foreach (var (key, value) in c.Values)
            {
                row[key] = value;
            }

            return (IReadOnlyDictionary<string, object?>)row;
        }).ToList();
        var scores = model.Score(rows);
        RequireKnownClasses(model, scores, list);
        var table = new List<IReadOnlyList<string>>();
        var failed = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            var (predicted, passed) = c.ExpectedClass is { } expected
                ? Classify(model, scores, i, expected)
                : InRange(scores, i, c);
            failed += passed ? 0 : 1;
            table.Add([c.Name, c.Expectation, predicted, passed ? "ok" : "FAILED", Given(c)]);
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Minimum functionality of model '{model.Model.Name}': {(failed == 0 ? "all" : $"{failed} of")} {list.Count} case(s) {(failed == 0 ? "get" : "do not get")} the expected outcome.\n")
            .Append(Table.Render(["case", "expected", "predicted", "status", "values"], table));
        model.Write(text.ToString());
        var result = new BehaviourResult(list.Count, failed, 0, 0);
        return failed == 0 ? result : throw new ModelGatesAssertException(text.ToString());
    }

    /// <summary>Every class a case names must be one the model predicts (binary: the positive class or, when the data has one, the other label value).</summary>
    private static void RequireKnownClasses(ModelFixture model, Models.Evaluation.Scoring.ModelScores scores, List<BehaviourCase> cases)
    {
        IReadOnlyList<string> known = scores.BinaryScores is not null
            ? [.. new[] { model.Data.PositiveClass, model.NegativeClass }.OfType<string>()]
            : scores.ClassNames;
        var complete = scores.BinaryScores is null || known.Count == 2;
        foreach (var c in cases)
        {
            foreach (var named in new[] { c.ExpectedClass, scores.BinaryScores is null ? c.OfClass : null }.OfType<string>())
            {
                if (complete && !known.Contains(named, StringComparer.Ordinal))
                {
                    throw new ArgumentException($"Case '{c.Name}' names class '{named}', which model '{model.Model.Name}' does not predict (classes: {string.Join(", ", known)}).", nameof(cases));
                }
            }
        }
    }

    private static (string Predicted, bool Passed) Classify(ModelFixture model, Models.Evaluation.Scoring.ModelScores scores, int i, string expected)
    {
        if (scores.BinaryScores is { } binary)
        {
            var positive = model.Data.PositiveClass ?? "positive";
            if (double.IsNaN(binary[i]))
            {
                return ("NaN (not scored)", false);
            }

            var isPositive = binary[i] >= model.Data.Metrics.DecisionThreshold;
            var predicted = isPositive ? positive : model.NegativeClass ?? $"not {positive}";
            var passed = isPositive == string.Equals(expected, positive, StringComparison.Ordinal);
            return ($"{predicted} (p({positive}) {Prediction.Number(binary[i])})", passed);
        }

        var p = scores.Probabilities!;
        var best = Prediction.Likeliest([.. Enumerable.Range(0, p.GetLength(1)).Select(c => p[i, c])]);
        if (best < 0)
        {
            return ("NaN (not scored)", false);
        }

        return ($"{scores.ClassNames[best]} (p {Prediction.Number(p[i, best])})", string.Equals(scores.ClassNames[best], expected, StringComparison.Ordinal));
    }

    private static (string Predicted, bool Passed) InRange(Models.Evaluation.Scoring.ModelScores scores, int i, BehaviourCase c)
    {
        var value = Prediction.Of(scores, c.OfClass)[i];
        var passed = !double.IsNaN(value) && (c.Min is not { } lo || value >= lo) && (c.Max is not { } hi || value <= hi);
        return (Prediction.Number(value), passed);
    }

    private static string Given(BehaviourCase c) => string.Join(", ", c.Values.Select(v => $"{v.Key}={Perturbation.Show(v.Value)}"));

    private static PerturbationRun Run(ModelFixture model, string column, Perturbation change, string? ofClass, bool skipMissing)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (model.Dataset.Find(column) is null)
        {
            throw new ArgumentException($"{model.Data.Path} has no column '{column}' (columns: {string.Join(", ", model.Dataset.Columns.Select(c => c.Name))}).", nameof(column));
        }

        var rows = model.Rows;
        var tested = new List<int>();
        var perturbed = new List<IReadOnlyDictionary<string, object?>>();
        var skipped = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var original = rows[i][column];
            if (skipMissing && original is null)
            {
                skipped++;
                continue;
            }

            object? value;
            try
            {
                value = change.Apply(original);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Row {i + 1}, column '{column}': {e.Message}", nameof(change), e);
            }

            tested.Add(i);
            perturbed.Add(new Dictionary<string, object?>(rows[i], StringComparer.Ordinal) { [column] = value });
        }

        var beforeScores = model.RowScores;
        var before = Prediction.Vectors(beforeScores, ofClass);
        var afterScores = model.Score(perturbed);
        var after = Prediction.Vectors(afterScores, ofClass);
        var changes = tested.Select((row, k) =>
        {
            var (change, changedClass) = Prediction.Change(before[row], after[k]);
            return new RowChange(row, rows[row][column], perturbed[k][column], before[row], after[k], change, changedClass);
        }).ToList();
        var measure = beforeScores switch
        {
            { BinaryScores: not null } => $"{(beforeScores.ScoreKind == BinaryScoreKind.Probability ? "probability" : "score")} of '{model.Data.PositiveClass ?? "positive"}'",
            { Values: not null } => "predicted value",
            _ when ofClass is not null => $"probability of '{ofClass}'",
            _ => "every class's probability",
        };
        return new PerturbationRun(column, changes, skipped, measure, beforeScores.ClassNames);
    }

    private static BehaviourResult Report(ModelFixture model, string what, PerturbationRun run, List<RowChange> broken, double largest, int show)
    {
        var result = new BehaviourResult(run.Changes.Count, broken.Count, largest, run.Skipped);
        var locator = model.Dataset.Locator;
        var at = run.Changes.Count == 0 ? string.Empty : $", largest change {Prediction.Signed(largest)}";
        var skipped = run.Skipped == 0 ? string.Empty : $"; {run.Skipped} row(s) with a missing {run.Column} skipped";
        var headline = broken.Count == 0
            ? $"{what} on {run.Changes.Count} row(s){at}{skipped}.\n"
            : $"{what} on {broken.Count} of {run.Changes.Count} row(s){at}{skipped}.\n";
        if (broken.Count == 0)
        {
            model.Write(headline);
            return result;
        }

        var shown = broken.Take(Math.Max(0, show)).ToList();
        var text = new StringBuilder(headline)
            .Append(Table.Render(
                ["row", "line", $"{run.Column}: original → changed", "prediction before", "after", "change"],
                [.. shown.Select(c =>
                {
                    var example = locator.Example(c.Row, null);
                    return (IReadOnlyList<string>)
                    [
                        example.Row.ToString(CultureInfo.InvariantCulture),
                        example.Line is { } line ? line.ToString(CultureInfo.InvariantCulture) : string.Empty,
                        $"{Perturbation.Show(c.Original)} → {Perturbation.Show(c.Changed)}",
                        Prediction.Show(c.Before, run.ClassNames),
                        Prediction.Show(c.After, run.ClassNames),
                        c.Before.Length == 1 || double.IsNaN(c.Change) ? Prediction.Signed(c.Change) : $"{Prediction.Signed(c.Change)} ({run.ClassNames[c.ChangedClass]})",
                    ];
                })]));
        text.Append(shown.Count < broken.Count
            ? string.Create(CultureInfo.InvariantCulture, $"(first {shown.Count} of {broken.Count} rows that break the rule; row: record number in {model.Data.Path}, line: its line in the file)\n")
            : string.Create(CultureInfo.InvariantCulture, $"(all {broken.Count} rows that break the rule; row: record number in {model.Data.Path}, line: its line in the file)\n"));
        model.Write(text.ToString());
        throw new ModelGatesAssertException(text.ToString());
    }

    /// <summary>One tested row: its values and predictions before and after the change.</summary>
    /// <param name="Row">The row's index in the evaluation rows.</param>
    /// <param name="Original">The column's value.</param>
    /// <param name="Changed">The changed value.</param>
    /// <param name="Before">The prediction before (one number, or every class's probability).</param>
    /// <param name="After">The prediction after.</param>
    /// <param name="Change">The largest change of an element of the prediction.</param>
    /// <param name="ChangedClass">Every class compared: the index of the class whose probability changed most.</param>
    private sealed record RowChange(int Row, object? Original, object? Changed, double[] Before, double[] After, double Change, int ChangedClass);

    private sealed record PerturbationRun(string Column, List<RowChange> Changes, int Skipped, string Measure, IReadOnlyList<string> ClassNames);
}
