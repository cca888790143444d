namespace Forewarn.Domain.Tracing;

/// <summary>
/// The score above which a recipient is accused, so that the chance of accusing anyone innocent
/// among <c>population</c> recipients is at most ε, whatever the colluders did. An innocent
/// recipient's codeword is independent of the copy: at each read site its variant is 1 with the
/// site's bias p, so its score is a sum of independent terms whose moment generating function is
/// known exactly — E[e^{αg}] = p·e^{α·w₁} + (1 − p)·e^{−α·w₀} with the site's two weights. The
/// Chernoff bound P(S ≥ Z) ≤ e^{−αZ}·Π E[e^{αg}] holds for every α &gt; 0; the threshold is the
/// least Z for which the best α brings it to ε/population (a union bound over recipients). It is
/// a bound for the marks actually read, not an asymptotic estimate.
/// </summary>
public static class AccusationThreshold
{
    public static double For(TardosCode code, IReadOnlyList<byte?> read, int population, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        if (epsilon is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(epsilon), "ε lies strictly between 0 and 1.");
        var sites = new List<(double P, double Up, double Down)>();
        for (var i = 0; i < code.Length; i++)
        {
            if (read[i] is not { } y) continue;
            var p = code.Biases[i];
            // Agreeing with the copy: variant y, probability p (y = 1) or 1 − p (y = 0).
            var (agree, up, down) = y == 1 ? (p, Math.Sqrt((1 - p) / p), Math.Sqrt(p / (1 - p))) : (1 - p, Math.Sqrt(p / (1 - p)), Math.Sqrt((1 - p) / p));
            sites.Add((agree, up, down));
        }
        if (sites.Count == 0) return double.PositiveInfinity;
        var l = Math.Log(population / epsilon);
        double ZAt(double alpha) => (sites.Sum(s => LogMgf(s, alpha)) + l) / alpha;
        // Z(α) is convex-like in α; a scan on a log grid, then a golden-section refinement.
        var best = double.PositiveInfinity;
        var bestAlpha = 0.0;
        for (var alpha = 1e-4; alpha < 10; alpha *= 1.25)
        {
            var z = ZAt(alpha);
            if (z < best) (best, bestAlpha) = (z, alpha);
        }
        double lo = bestAlpha / 1.25, hi = bestAlpha * 1.25;
        for (var k = 0; k < 40; k++)
        {
            var m1 = lo + (hi - lo) * 0.382;
            var m2 = lo + (hi - lo) * 0.618;
            if (ZAt(m1) < ZAt(m2)) hi = m2; else lo = m1;
        }
        return Math.Min(best, ZAt((lo + hi) / 2));
    }

    private static double LogMgf((double P, double Up, double Down) s, double alpha)
    {
        var a = Math.Log(s.P) + alpha * s.Up;
        var b = Math.Log(1 - s.P) - alpha * s.Down;
        var max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }

    /// <summary>
    /// How many colluders a code of <paramref name="sites"/> marks resists at ε among
    /// <paramref name="population"/> recipients, by the symmetric code's length rule
    /// m ≈ (π²/2)·c²·ln(population/ε) (Škorić et al. 2008): the largest such c, at least 0.
    /// </summary>
    public static int ColludersResisted(int sites, int population, double epsilon)
    {
        var l = Math.Log(population / epsilon);
        return (int)Math.Floor(Math.Sqrt(2.0 * sites / (Math.PI * Math.PI * l)));
    }

    /// <summary>The mark sites the length rule asks for to resist <paramref name="colluders"/>.</summary>
    public static int SitesNeeded(int colluders, int population, double epsilon) =>
        (int)Math.Ceiling(Math.PI * Math.PI / 2 * colluders * colluders * Math.Log(population / epsilon));
}
