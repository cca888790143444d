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

/// <summary>
/// The suspicion model seen from one case: every partner of the case's suspect set with its
/// holding here and its standing across all cases, strongest suspicion first. <c>incident</c> is
/// false when the case has no exposure snapshot and no accusation yet (then the list is empty).
/// </summary>
public sealed record CaseSuspicion(string Case, string Advisory, DateTimeOffset? Before, bool Incident, int Incidents, int Partners,
    double FalseAlarmRate, IReadOnlyList<SuspectStanding> Suspects);

/// <summary>One partner of a case's suspect set: its holding in the case, and across all cases.</summary>
public sealed record SuspectStanding(Guid PartnerId, string? Partner, string Holding, string Summary, int Appearances,
    double ExpectedAppearances, int Score, double PValue, bool Flagged);
