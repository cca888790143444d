namespace Forewarn.Server.Suspicion;

/// <summary>
/// A partner's standing across the programme's cases (docs/suspicion.md): in how many suspect
/// sets it was against what chance gives, its score and the chance of it, and whether it stands
/// out at the stated false-alarm rate — a reason for a person to look, never a sanction.
/// </summary>
public sealed record SuspicionReport(Guid PartnerId, string Partner, string Summary, int Incidents, int Appearances,
    double ExpectedAppearances, int Score, double ExpectedScore, double PValue, double Threshold, double FalseAlarmRate,
    int Partners, bool Flagged, IReadOnlyList<SuspectIn> Cases);

/// <summary>A case whose suspect set held the partner: how strongly, among how many, out of how many partners.</summary>
public sealed record SuspectIn(string Case, string Advisory, DateTimeOffset? Before, string Holding, int SetSize, int Population);
