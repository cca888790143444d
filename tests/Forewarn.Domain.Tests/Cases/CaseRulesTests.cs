using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Cases;

/// <summary>The rules of cases in the domain: references, evidence hashes and limits, what a decision may do and what lifting it gives back.</summary>
public sealed class CaseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid CaseId = Guid.CreateVersion7();

    private static Partner Active(params ContentClass[] withheld)
    {
        var p = Partner.Create("Fabrikam Security", "DE", [], PartnerCategory.AntivirusEdr, "Trusted", new Contract("2025-1", Now.AddDays(-9), null), Now.AddDays(-10), "staff");
        p.ChangeStatus(PartnerStatus.Active, "NDA signed", Now.AddDays(-9), "staff");
        p.SetRestrictions(withheld);
        return p;
    }

    [Fact]
    public void References_are_numbered_per_year()
    {
        Assert.Equal("CASE-2026-0007", Case.ReferenceFor(2026, 7));
        Assert.StartsWith(Case.YearPrefix(2026), Case.ReferenceFor(2026, 12345), StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_keeps_the_hash_of_its_content_and_refuses_empty_or_oversized_files()
    {
        var note = CaseEvidence.Note(CaseId, 1, "  Seen on a forum  ", Now, "staff");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("Seen on a forum"))), note.Sha256);
        var bytes = new byte[] { 1, 2, 3 };
        var file = CaseEvidence.File(CaseId, 2, "dir/sample.bin", "application/octet-stream", bytes, null, Now, "staff");
        Assert.Equal(("sample.bin", Convert.ToHexStringLower(SHA256.HashData(bytes))), (file.FileName, file.Sha256));
        Expect.Refusal("empty-file", () => CaseEvidence.File(CaseId, 3, "a.txt", null, [], null, Now, "staff"));
        Expect.Refusal("file-too-large", () => CaseEvidence.File(CaseId, 3, "a.txt", null, new byte[CaseEvidence.MaxFileBytes + 1], null, Now, "staff"));
        Expect.Refusal("invalid-field", () => CaseEvidence.File(CaseId, 3, null, null, bytes, null, Now, "staff"));
        Expect.Refusal("invalid-checkpoint", () => CaseEvidence.OfExposure(CaseId, 3, "{}", new LogCheckpointRef(5, "abc"), Now, "staff"));
        Expect.Refusal("unknown-evidence-kind", () => CaseEvidence.ParseKind("1"));
    }

    [Fact]
    public void A_restriction_is_only_what_it_adds_and_lifting_it_gives_back_only_that()
    {
        var partner = Active(ContentClass.Poc);
        var restrict = CaseDecision.Make(CaseId, 1, partner, DecisionKind.Restrict, "Leak", [ContentClass.Poc, ContentClass.Detection], null, null, Now, "staff");
        Assert.Equal([ContentClass.Detection], restrict.Classes);
        Expect.Refusal("already-restricted", () => CaseDecision.Make(CaseId, 2, partner, DecisionKind.Restrict, "Leak", [ContentClass.Poc], null, null, Now, "staff"));
        Expect.Refusal("decision-pending", () => restrict.LiftOn(partner, Now));
        restrict.TakeEffect(Now);
        partner.SetRestrictions([ContentClass.Poc, ContentClass.Detection]);
        Assert.Equal([ContentClass.Detection], restrict.LiftOn(partner, Now).Classes);
        partner.SetRestrictions([ContentClass.Poc]);
        Expect.Refusal("nothing-to-lift", () => restrict.LiftOn(partner, Now));
    }

    [Fact]
    public void Status_sanctions_follow_the_life_cycle_and_a_removal_is_final()
    {
        var partner = Active();
        var probation = CaseDecision.Make(CaseId, 1, partner, DecisionKind.Probation, "Late", null, null, null, Now, "staff");
        Assert.Equal((PartnerStatus.Probation, PartnerStatus.Active), (probation.Status, probation.PreviousStatus));
        partner.ChangeStatus(PartnerStatus.Probation, "case", Now, "staff");
        probation.TakeEffect(Now);
        Expect.Refusal("illegal-status-change", () => CaseDecision.Make(CaseId, 2, partner, DecisionKind.Probation, "Again", null, null, null, Now, "staff"));
        var suspend = CaseDecision.Make(CaseId, 2, partner, DecisionKind.Suspend, "Leak", null, null, null, Now, "staff");
        partner.ChangeStatus(PartnerStatus.Suspended, "case", Now, "staff");
        suspend.TakeEffect(Now);
        Assert.Equal(PartnerStatus.Probation, suspend.LiftOn(partner, Now).Status); // back to where it stood
        Expect.Refusal("changed-since", () => probation.LiftOn(partner, Now));

        var remove = CaseDecision.Make(CaseId, 3, partner, DecisionKind.Remove, "Leak", null, null, null, Now, "staff");
        remove.TakeEffect(Now);
        Expect.Refusal("removal-final", () => remove.LiftOn(partner, Now));
        partner.ChangeStatus(PartnerStatus.Removed, "case", Now, "staff");
        Expect.Refusal("partner-removed", () => CaseDecision.Make(CaseId, 4, partner, DecisionKind.Warning, "Late", null, null, null, Now, "staff"));
    }

    [Fact]
    public void An_appeal_is_once_per_decision_and_decided_once()
    {
        var partner = Active();
        var warning = CaseDecision.Make(CaseId, 1, partner, DecisionKind.Warning, "Late", null, null, null, Now, "staff");
        Expect.Refusal("not-appealable", () => warning.AppealBy("No", Now, "partner"));
        warning.TakeEffect(Now);
        Expect.Refusal("no-appeal", () => warning.DecideAppeal(AppealOutcome.Upheld, "Stands", Now, "staff"));
        warning.AppealBy("It was not late", Now, "partner");
        Expect.Refusal("already-appealed", () => warning.AppealBy("Again", Now, "partner"));
        warning.DecideAppeal(AppealOutcomes.Parse("overturn"), "Right", Now, "staff");
        Expect.Refusal("appeal-decided", () => warning.DecideAppeal(AppealOutcome.Upheld, "Stands", Now, "staff"));
        Expect.Refusal("unknown-appeal-outcome", () => AppealOutcomes.Parse("maybe"));
        Expect.Refusal("unknown-decision", () => DecisionKinds.Parse("banish"));
    }
}
