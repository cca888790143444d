namespace Forewarn.Tracing.Tardos;

/// <summary>Numerical helpers for Chernoff bounds: a stable two-point log-MGF and a one-dimensional minimiser.</summary>
internal static class Chernoff
{
    /// <summary>log(p·e^a + (1 − p)·e^b), without overflow.</summary>
    public static double LogMgf(double p, double a, double b)
    {
        var x = Math.Log(p) + a;
        var y = Math.Log(1 - p) + b;
        var max = Math.Max(x, y);
        return max + Math.Log(Math.Exp(x - max) + Math.Exp(y - max));
    }

    /// <summary>
    /// The least value of <paramref name="f"/> found over α in [lo, hi]: a scan on a logarithmic
    /// grid, then golden-section refinement around the best grid point. Any α gives a valid
    /// Chernoff bound, so a minimiser that misses the true optimum only makes a bound looser.
    /// </summary>
    public static (double Arg, double Value) Minimise(Func<double, double> f, double lo, double hi)
    {
        var best = double.PositiveInfinity;
        var bestAlpha = lo;
        for (var alpha = lo; alpha <= hi; alpha *= 1.25)
        {
            var v = f(alpha);
            if (v < best) (best, bestAlpha) = (v, alpha);
        }
        double a = bestAlpha / 1.25, b = bestAlpha * 1.25;
        for (var k = 0; k < 50; k++)
        {
            var m1 = a + (b - a) * 0.381966;
            var m2 = a + (b - a) * 0.618034;
            if (f(m1) < f(m2)) b = m2; else a = m1;
        }
        var mid = (a + b) / 2;
        var last = f(mid);
        return last < best ? (mid, last) : (bestAlpha, best);
    }
}
