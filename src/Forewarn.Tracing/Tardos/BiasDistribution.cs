namespace Forewarn.Tracing.Tardos;

/// <summary>
/// The discrete bias distribution of a code designed against c₀ colluders: the k = ⌈c₀/2⌉
/// Gauss–Legendre nodes moved to (0, 1), p_i = (1 + x_i)/2, as in Nuida et al. 2009 ("An
/// improvement of discrete Tardos fingerprinting codes", Des. Codes Cryptogr. 52), which shows
/// p = 1/2 optimal for c₀ ≤ 2 and the two points 1/2 ± 1/(2√3) for c₀ = 3, 4. Node i is drawn with
/// probability ∝ w_i/√(p_i(1 − p_i)) (w_i the Gauss–Legendre weight): the quadrature of Tardos'
/// arcsine density, in the spirit of the discrete arcsine distributions of Laarhoven and de Weger
/// 2014 ("Discrete distributions in the Tardos scheme, revisited"). For k ≤ 2 this is exactly
/// Nuida's distribution; for k ≥ 3 it guarantees the colluders more score under the symmetric
/// score than Nuida's weights (∝ w_i·(p_i(1 − p_i))^−3/2) or the arcsine with cutoff — see
/// <see cref="GuaranteedScore"/>. Each bias is quantised to a multiple of 2⁻¹⁶ and the bias IS
/// that value: codewords compare a 16-bit uniform number with it, so score and threshold are exact.
/// </summary>
public sealed class BiasDistribution
{
    /// <summary>The largest collusion a code is designed against (16 nodes).</summary>
    public const int MaxDesign = 32;

    private static readonly BiasDistribution?[] Cache = new BiasDistribution?[MaxDesign + 1];

    private BiasDistribution(int design, ushort[] levels, double[] weights)
    {
        Design = design;
        Levels = levels;
        Weights = weights;
    }

    /// <summary>The collusion size c₀ this distribution is designed against.</summary>
    public int Design { get; }

    /// <summary>The biases, as multiples of 2⁻¹⁶ (32768 is 1/2), ascending and symmetric.</summary>
    public IReadOnlyList<ushort> Levels { get; }

    /// <summary>The probability of each bias.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The distribution designed against <paramref name="designColluders"/> (capped at <see cref="MaxDesign"/>).</summary>
    public static BiasDistribution For(int designColluders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(designColluders, 1);
        var c0 = Math.Min(designColluders, MaxDesign);
        return Cache[c0] ??= Build(c0);
    }

    /// <summary>The bias with index <paramref name="node"/>, as a probability.</summary>
    public double Bias(int node) => Levels[node] / 65536.0;

    /// <summary>
    /// The least expected score per colluder per site that <paramref name="colluders"/> colluders
    /// can bring about, whatever they do under the marking assumption (the best strategy knowing
    /// the distribution: at a site where k of them hold 1, the output that minimises the expected
    /// sum of their symmetric scores). Tardos' arcsine distribution guarantees 2/(πc) (Škorić,
    /// Katzenbeisser and Celik 2008).
    /// </summary>
    public double GuaranteedScore(int colluders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(colluders, 1);
        var total = 0.0;
        for (var k = 0; k <= colluders; k++)
        {
            var sumIfOne = 0.0;
            for (var i = 0; i < Levels.Count; i++)
            {
                var p = Bias(i);
                var chance = Binomial(colluders, k) * Math.Pow(p, k) * Math.Pow(1 - p, colluders - k);
                sumIfOne += Weights[i] * chance * (k * Math.Sqrt((1 - p) / p) - (colluders - k) * Math.Sqrt(p / (1 - p)));
            }
            // Output 0 scores exactly the negative of output 1; where all agree the output is forced.
            total += k == 0 ? -sumIfOne : k == colluders ? sumIfOne : Math.Min(sumIfOne, -sumIfOne);
        }
        return total / colluders;
    }

    /// <summary>
    /// The Chernoff rate Λ*(s) = sup_α (α·s − Λ(α)) of an innocent score per site, Λ the average
    /// log moment generating function over this distribution with the read variant distributed as a
    /// codeword's: an innocent reaches s per site over m sites with probability about e^{−m·Λ*(s)}.
    /// </summary>
    public double ChernoffRate(double perSite)
    {
        if (perSite <= 0) return 0;
        double Negative(double alpha)
        {
            var lambda = 0.0;
            for (var i = 0; i < Levels.Count; i++)
            {
                var p = Bias(i);
                double up = Math.Sqrt((1 - p) / p), down = Math.Sqrt(p / (1 - p));
                lambda += Weights[i] * (p * Chernoff.LogMgf(p, alpha * up, -alpha * down)
                                        + (1 - p) * Chernoff.LogMgf(1 - p, alpha * down, -alpha * up));
            }
            return lambda - alpha * perSite;
        }
        return -Chernoff.Minimise(Negative, 1e-4, 50).Value;
    }

    private static double Binomial(int n, int k)
    {
        var r = 1.0;
        for (var i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    private static BiasDistribution Build(int c0)
    {
        var k = (c0 + 1) / 2;
        var (x, w) = GaussLegendre(k);
        var levels = new ushort[k];
        var weights = new double[k];
        for (var i = 0; i < k; i++)
        {
            // Quantise the lower half and mirror it, so the distribution stays exactly symmetric.
            var lower = (1 - Math.Abs(x[i])) / 2;
            var q = Math.Abs(x[i]) < 1e-12 ? 32768 : (int)Math.Clamp(Math.Round(lower * 65536), 1, 32767);
            levels[i] = (ushort)(x[i] < 0 ? q : 65536 - q);
            var p = levels[i] / 65536.0;
            weights[i] = w[i] / Math.Sqrt(p * (1 - p));
        }
        var sum = weights.Sum();
        for (var i = 0; i < k; i++) weights[i] /= sum;
        Array.Sort(levels, weights);
        return new BiasDistribution(c0, levels, weights);
    }

    /// <summary>The k Gauss–Legendre nodes on [−1, 1] and their weights (Newton on the Legendre polynomial).</summary>
    private static (double[] Nodes, double[] Weights) GaussLegendre(int k)
    {
        var nodes = new double[k];
        var weights = new double[k];
        for (var i = 0; i < k; i++)
        {
            var x = Math.Cos(Math.PI * (i + 0.75) / (k + 0.5));
            var derivative = 1.0;
            for (var iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1, p1 = x;
                for (var n = 2; n <= k; n++) (p0, p1) = (p1, ((2 * n - 1) * x * p1 - (n - 1) * p0) / n);
                derivative = k * (x * p1 - p0) / (x * x - 1);
                var step = p1 / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-15) break;
            }
            nodes[i] = x;
            weights[i] = 2 / ((1 - x * x) * derivative * derivative);
        }
        return (nodes, weights);
    }
}
