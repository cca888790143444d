using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Partners;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Entries of investigations. Opening, evidence and closing name no partner, so a suspect never
/// sees them among its own entries; a decision and its appeal name the partner they are about,
/// which is told of them anyway. Evidence is logged by its SHA-256, never its content.
/// </summary>
public static partial class LogEvents
{
    public static LogEvent CaseOpened(Case c, string advisoryReference, Actor user) =>
        LogEvent.Of(LogKinds.CaseOpened, c.OpenedAt, null, null,
        [
            Field("case", c.Reference),
            Field("case_id", c.Id.ToString()),
            Field("advisory", advisoryReference),
            Field("title", c.Title),
            Field("sightings", Strings(c.Sightings)),
            .. By(user),
        ]);

    public static LogEvent CaseEvidenceAdded(Case c, CaseEvidence evidence, Actor user) =>
        LogEvent.Of(LogKinds.CaseEvidenceAdded, evidence.AddedAt, null, null,
        [
            Field("case", c.Reference),
            Field("number", evidence.Number),
            Field("evidence", CaseEvidence.Name(evidence.Kind)),
            Field("sha256", evidence.Sha256),
            Field("size", evidence.Size),
            Field("checkpoint_size", evidence.CheckpointSize),
            Field("checkpoint_hash", evidence.CheckpointHash),
            .. By(user),
        ]);

    /// <summary>
    /// A decision made (<c>state</c> in-effect) or proposed (<c>state</c> pending, with its proposal). A
    /// no-action names the partner only in its body, so the partner it cleared does not see it among its entries.
    /// </summary>
    public static LogEvent CaseDecided(Case c, CaseDecision d, Partner partner, DateTimeOffset at, Actor user) =>
        LogEvent.Of(LogKinds.CaseDecision, at, d.Kind == DecisionKind.NoAction ? null : partner.Id.Value, null,
        [
            Field("case", c.Reference),
            Field("number", d.Number),
            Field("decision_id", d.Id.ToString()),
            Field("partner", partner.Id.Value.ToString()),
            Field("legal_name", partner.LegalName),
            Field("decision", d.Kind.Name()),
            Field("state", CaseDecision.Name(d.State)),
            Field("classes", d.Classes.Count == 0 ? null : Strings(d.Classes.Select(x => x.Name()))),
            Field("tier", d.Tier),
            Field("status", d.Status?.Name()),
            Field("lifts", d.Lifts),
            Field("pending_proposal", d.State == DecisionState.Pending ? d.ProposalId?.ToString() : null),
            Field("reason", d.Reason),
            .. By(user),
        ]);

    public static LogEvent CaseAppealed(Case c, CaseDecision d, Actor partner) =>
        LogEvent.Of(LogKinds.CaseAppeal, d.AppealedAt!.Value, d.PartnerId.Value, null,
        [
            Field("case", c.Reference),
            Field("number", d.Number),
            Field("decision_id", d.Id.ToString()),
            Field("partner", d.PartnerId.Value.ToString()),
            Field("appeal_sha256", Sha256(d.Appeal!)),
            .. By(partner),
        ]);

    public static LogEvent CaseAppealDecided(Case c, CaseDecision d, Actor user) =>
        LogEvent.Of(LogKinds.CaseAppealDecided, d.AppealDecidedAt!.Value, d.PartnerId.Value, null,
        [
            Field("case", c.Reference),
            Field("number", d.Number),
            Field("decision_id", d.Id.ToString()),
            Field("partner", d.PartnerId.Value.ToString()),
            Field("outcome", d.AppealOutcome!.Value.Name()),
            Field("reason", d.AppealReason),
            .. By(user),
        ]);

    public static LogEvent CaseClosed(Case c, Actor user) =>
        LogEvent.Of(LogKinds.CaseClosed, c.ClosedAt!.Value, null, null,
        [
            Field("case", c.Reference),
            Field("summary_sha256", Sha256(c.Summary!)),
            .. By(user),
        ]);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
