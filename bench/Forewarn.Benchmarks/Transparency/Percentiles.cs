namespace Forewarn.Benchmarks.Transparency;

/// <summary>Order statistics of a sample (nearest rank).</summary>
internal sealed class Percentiles
{
    private readonly double[] sorted;

    public Percentiles(IEnumerable<double> values)
    {
        sorted = [.. values];
        Array.Sort(sorted);
    }

    public int Count => sorted.Length;

    public double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public double Median => At(0.5);

    public double P99 => At(0.99);

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];

    public double Mean => sorted.Length == 0 ? double.NaN : sorted.Average();
}
