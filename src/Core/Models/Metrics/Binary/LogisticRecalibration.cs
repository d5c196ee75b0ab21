namespace ModelGates.Models.Metrics;

/// <summary>
/// Logistic recalibration, as the clinical-prediction literature assesses calibration (Cox 1958;
/// Steyerberg, Clinical Prediction Models; Van Calster et al. 2016): with x = logit(p), the
/// maximum-likelihood fits of P(y = 1) = σ(a + b·x) (the slope b) and of P(y = 1) = σ(a + x), the
/// slope fixed at 1 (the intercept a, "calibration in the large"). Newton's method with step
/// halving on the per-score table, weights as sample weights.
/// </summary>
internal static class LogisticRecalibration
{
    private const int MaxIterations = 100;

    /// <summary>The slope b of σ(a + b·x), or why there is none.</summary>
    public static MetricValue Slope(BinaryScoreTable table)
    {
        if (Undefined(table) is { } reason)
        {
            return MetricValue.Undefined(reason);
        }

        var x = Logits(table);
        if (ConstantOrSeparated(table, x) is { } why)
        {
            return MetricValue.Undefined(why);
        }

        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double a = 0, b = 0;
        var likelihood = LogLikelihood(positive, negative, x, a, b);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var k = 0; k < x.Length; k++)
            {
                var mu = Sigmoid(a + (b * x[k]));
                var w = positive[k] + negative[k];
                var residual = positive[k] - (w * mu);
                var curvature = w * mu * (1.0 - mu);
                ga += residual;
                gb += residual * x[k];
                haa += curvature;
                hab += curvature * x[k];
                hbb += curvature * x[k] * x[k];
            }

            var determinant = (haa * hbb) - (hab * hab);
            if (!(determinant > 0.0))
            {
                return MetricValue.Undefined(UndefinedReasons.RecalibrationDidNotConverge);
            }

            var da = ((hbb * ga) - (hab * gb)) / determinant;
            var db = ((haa * gb) - (hab * ga)) / determinant;
            var step = 1.0;
            double nextA, nextB, next;
            do
            {
                nextA = a + (step * da);
                nextB = b + (step * db);
                next = LogLikelihood(positive, negative, x, nextA, nextB);
                step /= 2;
            }
            while (next < likelihood && step > 1e-10 && !(Small(da, a) && Small(db, b)));

            var converged = Small(da, a) && Small(db, b);
            (a, b, likelihood) = (nextA, nextB, Math.Max(next, likelihood));
            if (converged)
            {
                return MetricValue.Defined(b);
            }
        }

        return MetricValue.Undefined(UndefinedReasons.RecalibrationDidNotConverge);
    }

    /// <summary>The intercept a of σ(a + x), the slope fixed at 1, or why there is none.</summary>
    public static MetricValue Intercept(BinaryScoreTable table)
    {
        if (Undefined(table) is { } reason)
        {
            return MetricValue.Undefined(reason);
        }

        var x = Logits(table);
        var positive = table.PositiveWeight;
        var negative = table.NegativeWeight;
        double a = 0;
        var likelihood = LogLikelihood(positive, negative, x, a, 1.0);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            double gradient = 0, curvature = 0;
            for (var k = 0; k < x.Length; k++)
            {
                var mu = Sigmoid(a + x[k]);
                var w = positive[k] + negative[k];
                gradient += positive[k] - (w * mu);
                curvature += w * mu * (1.0 - mu);
            }

            if (!(curvature > 0.0))
            {
                return MetricValue.Undefined(UndefinedReasons.RecalibrationDidNotConverge);
            }

            var delta = gradient / curvature;
            var step = 1.0;
            double next, nextA;
            do
            {
                nextA = a + (step * delta);
                next = LogLikelihood(positive, negative, x, nextA, 1.0);
                step /= 2;
            }
            while (next < likelihood && step > 1e-10 && !Small(delta, a));

            var converged = Small(delta, a);
            (a, likelihood) = (nextA, Math.Max(next, likelihood));
            if (converged)
            {
                return MetricValue.Defined(a);
            }
        }

        return MetricValue.Undefined(UndefinedReasons.RecalibrationDidNotConverge);
    }

    /// <summary>
    /// A Newton step too small for the likelihood to tell apart from rounding, taken whole: near the
    /// optimum the step itself is the measure (quadratic convergence), and one of at most 1e-11
    /// leaves an error at the rounding level.
    /// </summary>
    private static bool Small(double step, double value) => Math.Abs(step) <= 1e-11 * (1.0 + Math.Abs(value));

    private static string? Undefined(BinaryScoreTable table) =>
        table.Order.ScoreKind != Predictions.BinaryScoreKind.Probability ? UndefinedReasons.ScoresAreNotProbabilities
        : table.TotalPositive <= 0.0 || table.TotalNegative <= 0.0 ? UndefinedReasons.OnlyOneClass
        : null;

    /// <summary>logit(p) of each distinct probability, p clipped to [2^-52, 1 − 2^-52] as the log loss clips it.</summary>
    private static double[] Logits(BinaryScoreTable table)
    {
        var scores = table.Scores;
        var x = new double[scores.Length];
        for (var k = 0; k < scores.Length; k++)
        {
            var p = Math.Clamp(scores[k], LogLossClipping.Epsilon, 1.0 - LogLossClipping.Epsilon);
            x[k] = Math.Log(p / (1.0 - p));
        }

        return x;
    }

    /// <summary>
    /// Why σ(a + b·x) has no finite maximum: every row at one logit, or a logit c with every positive
    /// at or above it and every negative at or below it (or the reverse). x descends with the blocks.
    /// </summary>
    private static string? ConstantOrSeparated(BinaryScoreTable table, double[] x)
    {
        double minPositive = double.PositiveInfinity, maxPositive = double.NegativeInfinity;
        double minNegative = double.PositiveInfinity, maxNegative = double.NegativeInfinity;
        double minAll = double.PositiveInfinity, maxAll = double.NegativeInfinity;
        for (var k = 0; k < x.Length; k++)
        {
            if (table.PositiveWeight[k] > 0.0)
            {
                minPositive = Math.Min(minPositive, x[k]);
                maxPositive = Math.Max(maxPositive, x[k]);
            }

            if (table.NegativeWeight[k] > 0.0)
            {
                minNegative = Math.Min(minNegative, x[k]);
                maxNegative = Math.Max(maxNegative, x[k]);
            }
        }

        minAll = Math.Min(minPositive, minNegative);
        maxAll = Math.Max(maxPositive, maxNegative);
        if (minAll == maxAll)
        {
            return UndefinedReasons.ConstantLogits;
        }

        return minPositive >= maxNegative || maxPositive <= minNegative ? UndefinedReasons.ScoresSeparateClasses : null;
    }

    private static double LogLikelihood(double[] positive, double[] negative, double[] x, double a, double b)
    {
        double sum = 0;
        for (var k = 0; k < x.Length; k++)
        {
            var eta = a + (b * x[k]);

            // log σ(η) = −log(1 + e^−η) and log(1 − σ(η)) = −log(1 + e^η), each in its stable form.
            sum -= (positive[k] * Softplus(-eta)) + (negative[k] * Softplus(eta));
        }

        return sum;
    }

    private static double Softplus(double t) => t > 0 ? t + Math.Log(1.0 + Math.Exp(-t)) : Math.Log(1.0 + Math.Exp(t));

    private static double Sigmoid(double t) => t >= 0 ? 1.0 / (1.0 + Math.Exp(-t)) : Math.Exp(t) / (1.0 + Math.Exp(t));
}
