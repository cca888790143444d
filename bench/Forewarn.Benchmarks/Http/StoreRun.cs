namespace Forewarn.Benchmarks.Http;

/// <summary>The endpoints' results on one store; ratios are to the bare endpoint.</summary>
public sealed record StoreRun(string Store, string PartnerName, string Shape, PhaseResult Bare, PhaseResult Partner, IReadOnlyList<PhaseResult> Also)
{
    public double Ratio => Partner.RequestsPerSecond / Bare.RequestsPerSecond;

    public IEnumerable<PhaseResult> All => [Bare, Partner, .. Also];

    public double RatioOf(PhaseResult phase) => phase.RequestsPerSecond / Bare.RequestsPerSecond;
}
