using Forewarn.Server.Cases;
using Forewarn.Server.Exposure;
using Forewarn.Server.Sightings;
using Forewarn.Server.Timeline;
using Forewarn.Transparency;

namespace Forewarn.Server.CaseReports;

/// <summary>
/// Everything a case report shows, gathered once: the case with its evidence and decisions, the advisory,
/// the sightings it started from, the exposure table(s), the traces, the timeline, and every log entry it
/// cites with the receipt that proves it (so the report can be checked offline).
/// </summary>
public sealed record CaseReport(
    CaseDto Case,
    string AdvisoryTitle,
    DateTimeOffset ReleaseAt,
    DateTimeOffset MadeAt,
    IReadOnlyList<SightingDto> Sightings,
    IReadOnlyList<ExposureTable> Exposure,
    string? NoExposure,
    IReadOnlyList<TraceRow> Traces,
    TimelinePicture Timeline,
    string LogOrigin,
    IReadOnlyList<CitedEntry> Cited,
    IReadOnlyList<string> Unproven);

/// <summary>An exposure analysis in the report: a frozen snapshot (evidence n) or one computed for the report at the first sighting.</summary>
public sealed record ExposureTable(string Source, ExposureReport Report);

/// <summary>One trace's outcome as the report shows it: where it came from, what was traced, marks read, threshold, whom it named, the verdict.</summary>
public sealed record TraceRow(string Source, string Artifact, int? MarksRead, double? Threshold, IReadOnlyList<string> Accused, string Verdict);

/// <summary>A log entry the report relies on, what it is cited for, and its receipt (entry, index, inclusion proof, signed checkpoint).</summary>
public sealed record CitedEntry(string Cites, Receipt Receipt);
