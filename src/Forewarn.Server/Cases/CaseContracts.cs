using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Partners;

namespace Forewarn.Server.Cases;

/// <summary>A case to open: the advisory (id or reference), a title, and the sightings it starts from.</summary>
public sealed record NewCase(string? Advisory, string? Title, IReadOnlyList<string>? Sightings);

/// <summary>
/// Evidence to add. <c>kind</c> says which fields count: <c>note</c> (text), <c>sighting</c>
/// (sightingId), <c>file</c> (fileName, mediaType, contentBase64 — a text file is traced against the
/// advisory's marked artifacts and the result kept with it), <c>trace</c> (leaked text, optional
/// artifactId: the trace runs now and its result is kept; the text itself is not).
/// </summary>
public sealed record NewEvidence(string? Kind, string? Text, string? SightingId, string? FileName, string? MediaType, string? ContentBase64,
    string? Leaked, string? ArtifactId, string? Before = null);

/// <summary>
/// A decision on a partner: <c>kind</c> (no-action, warning, restrict, move-tier, probation, suspend,
/// remove, reinstate), the reason the partner is told, and per kind: <c>classes</c> (restrict),
/// <c>tier</c> (move-tier), <c>lifts</c> (reinstate: the number of the decision whose sanction is lifted).
/// </summary>
public sealed record NewDecision(string? Partner, string? Kind, string? Reason, IReadOnlyList<string>? Classes, string? Tier, int? Lifts);

/// <summary>Staff's answer to an appeal: <c>uphold</c> or <c>overturn</c> (which lifts the sanction where it can be lifted), and why.</summary>
public sealed record AppealDecision(string? Outcome, string? Reason);

/// <summary>What the investigation concluded.</summary>
public sealed record CaseClosing(string? Summary);

/// <summary>The partner's answer to a decision about it.</summary>
public sealed record AppealRequest(string? Text);

/// <summary>What a proposal of a case decision holds: the decision waiting on it.</summary>
public sealed record CaseDecisionRequest(Guid Case, Guid Decision);

/// <summary>A case in a list.</summary>
public sealed record CaseSummaryDto(Guid Id, string Reference, string Advisory, string Title, string State, DateTimeOffset OpenedAt, string OpenedBy,
    DateTimeOffset? ClosedAt)
{
    public static CaseSummaryDto From(Case c, string advisory) =>
        new(c.Id, c.Reference, advisory, c.Title, Case.Name(c.State), c.OpenedAt, c.OpenedBy, c.ClosedAt);
}

/// <summary>
/// One piece of evidence as staff see it: what it is and its SHA-256; a note's text, a sighting's
/// id, a file's name, type and size (its bytes at <c>links.content</c>), a trace's result, an
/// exposure snapshot with its checkpoint.
/// </summary>
public sealed record EvidenceDto(int Number, string Kind, DateTimeOffset AddedAt, string AddedBy, string Sha256, long Size,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SightingId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FileName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MediaType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? Trace,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonNode? Exposure,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LogCheckpointRef? Checkpoint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content)
{
    public static EvidenceDto From(string caseReference, CaseEvidence e) => new(e.Number, CaseEvidence.Name(e.Kind), e.AddedAt, e.AddedBy, e.Sha256, e.Size,
        e.Kind == EvidenceKind.Note ? e.Text : null,
        e.Kind == EvidenceKind.Sighting ? e.Text : null,
        e.FileName, e.MediaType,
        e.Trace is null ? null : JsonNode.Parse(e.Trace),
        e.Document is null ? null : JsonNode.Parse(e.Document),
        e.CheckpointSize is { } size && e.CheckpointHash is { } hash ? new LogCheckpointRef(size, hash) : null,
        e.Kind == EvidenceKind.File ? $"/api/v1/cases/{caseReference}/evidence/{e.Number}/content" : null);
}

/// <summary>The partner's appeal of a decision and, once staff decided it, the outcome.</summary>
public sealed record AppealDto(string Text, DateTimeOffset At, string By, string? Outcome, string? Reason, DateTimeOffset? DecidedAt, string? DecidedBy)
{
    public static AppealDto? Of(CaseDecision d) => d.Appeal is { } text
        ? new AppealDto(text, d.AppealedAt!.Value, d.AppealedBy!, d.AppealOutcome?.Name(), d.AppealReason, d.AppealDecidedAt, d.AppealDecidedBy)
        : null;
}

/// <summary>
/// A decision as staff see it. <c>state</c> is pending (waiting on <c>proposal</c>, whose own state
/// says whether it was rejected or expired), in-effect or lifted.
/// </summary>
public sealed record DecisionDto(Guid Id, int Number, Guid PartnerId, string Partner, string Kind, string State, string Reason,
    IReadOnlyList<string> Classes, string? Tier, string? PreviousTier, string? Status, string? PreviousStatus, int? Lifts,
    DateTimeOffset DecidedAt, string DecidedBy, DateTimeOffset? EffectiveAt, DateTimeOffset? LiftedAt, int? LiftedBy,
    Guid? Proposal, string? ProposalState, AppealDto? Appeal)
{
    public static DecisionDto From(CaseDecision d, string partner, Proposal? proposal, DateTimeOffset now) => new(d.Id, d.Number, d.PartnerId.Value, partner,
        d.Kind.Name(), CaseDecision.Name(d.State), d.Reason, [.. d.Classes.Select(c => c.ToString().ToLowerInvariant())], d.Tier, d.PreviousTier,
        d.Status?.Name(), d.PreviousStatus?.Name(), d.Lifts, d.DecidedAt, d.DecidedBy, d.EffectiveAt, d.LiftedAt, d.LiftedBy,
        d.ProposalId, proposal?.StateAt(now).ToString().ToLowerInvariant(), AppealDto.Of(d));
}

/// <summary>A case with everything in it: evidence in the order added, decisions in the order taken.</summary>
public sealed record CaseDto(Guid Id, string Reference, string Advisory, string Title, string State, DateTimeOffset OpenedAt, string OpenedBy,
    DateTimeOffset? ClosedAt, string? ClosedBy, string? Summary, IReadOnlyList<string> Sightings,
    IReadOnlyList<EvidenceDto> Evidence, IReadOnlyList<DecisionDto> Decisions);

/// <summary>
/// A decision as the partner it is about sees it: what was decided, why, and its appeal — never
/// the case's evidence. Pending proposals are not shown: they have decided nothing yet.
/// </summary>
public sealed record MyDecisionDto(Guid Id, string Case, string Advisory, string Kind, string State, string Reason, IReadOnlyList<string> Classes,
    string? Tier, string? Status, DateTimeOffset EffectiveAt, DateTimeOffset? LiftedAt, AppealDto? Appeal)
{
    public static MyDecisionDto From(CaseDecision d, string caseReference, string advisory) => new(d.Id, caseReference, advisory, d.Kind.Name(),
        CaseDecision.Name(d.State), d.Reason, [.. d.Classes.Select(c => c.ToString().ToLowerInvariant())], d.Tier, d.Status?.Name(),
        d.EffectiveAt!.Value, d.LiftedAt, AppealDto.Of(d));
}
