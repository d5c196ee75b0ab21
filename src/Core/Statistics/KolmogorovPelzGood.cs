namespace ModelGates.Statistics;

/// <summary>
/// The Pelz–Good (1976) approximation to P(Dₙ ≤ x): the Li-Chien/Korolyuk expansion
/// K₀ + K₁/√n + K₂/n + K₃/n^1.5 in z = x√n, rewritten with Jacobi theta identities to converge for small z.
/// </summary>
internal static class KolmogorovPelzGood
{
    private const double PiSquared = Math.PI * Math.PI;
    private const double PiFour = PiSquared * PiSquared;
    private const double PiSix = PiFour * PiSquared;
    private const double MinLog = -708;
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);
    private static readonly double SqrtThree = Math.Sqrt(3);

    /// <summary>P(Dₙ ≤ x).</summary>
    public static double Cdf(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt(n) * x;
        var z2 = z * z;
        var z3 = z2 * z;
        var z4 = z2 * z2;
        var z6 = z4 * z2;
        var qLog = -PiSquared / 8 / z2;
        if (qLog < MinLog)
        {
            return 0.0;
        }

        var q = Math.Exp(qLog);
        var k1a = -z2;
        var k1b = PiSquared / 4;
        var k2a = (6 * z6) + (2 * z4);
        var k2b = ((2 * z4) - (5 * z2)) * PiSquared / 4;
        var k2c = PiFour * (1 - (2 * z2)) / 16;
        var k3d = PiSix * (5 - (30 * z2)) / 64;
        var k3c = PiFour * ((-60 * z2) + (212 * z4)) / 16;
        var k3b = PiSquared * ((135 * z4) - (96 * z6)) / 4;
        var k3a = (-30 * z6) - (90 * Math.Pow(z, 8));

        // Horner in q^8k over the odd-index terms.
        double k0 = 0, kOne = 0, kTwo = 0, kThree = 0;
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxK; k > 0; k--)
        {
            double m = (2 * k) - 1;
            var m2 = m * m;
            var m4 = m2 * m2;
            var m6 = m4 * m2;
            var qPower = Math.Pow(q, 8 * k);
            k0 = (k0 * qPower) + 1.0;
            kOne = (kOne * qPower) + k1a + (k1b * m2);
            kTwo = (kTwo * qPower) + k2a + (k2b * m2) + (k2c * m4);
            kThree = (kThree * qPower) + k3a + (k3b * m2) + (k3c * m4) + (k3d * m6);
        }

        var factor = q * SqrtTwoPi;
        k0 *= factor / z;
        kOne *= factor / (6 * z4);
        kTwo *= factor / (72 * Math.Pow(z, 7));
        kThree *= factor / (6480 * Math.Pow(z, 10));

        // The terms over all integers k.
        var qAll = Math.Exp(-PiSquared / 2 / z2);
        double k2Extra = 0, k3Extra = 0;
        var sqrt3z = SqrtThree * z;
        for (var k = maxK; k > 0; k--)
        {
            double kSquared = (double)k * k;
            var qPower = Math.Pow(qAll, kSquared);
            k2Extra += kSquared * qPower;
            var kPi = Math.PI * k;
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qPower;
        }

        kTwo += k2Extra * PiSquared * SqrtTwoPi / (-36 * z3);
        kThree += k3Extra * PiSquared * SqrtTwoPi / (216 * z6);
        double nn = n;
        return k0 + (kOne / Math.Sqrt(nn)) + (kTwo / nn) + (kThree / Math.Pow(nn, 1.5));
    }
}
