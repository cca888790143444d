using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Partners;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage.Mapping;

/// <summary>Cases, their evidence and their decisions (part of <see cref="DomainMappings"/>).</summary>
internal static class CaseMappings
{
    public static void Apply(ModelBuilder b)
    {
        b.Entity<Case>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Reference).HasMaxLength(20);
            // Two servers numbering the same case: one insert fails, and the service answers a conflict.
            e.HasIndex(c => c.Reference).IsUnique();
            e.HasOne<Advisory>().WithMany().HasForeignKey(c => c.AdvisoryId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Title).HasMaxLength(Case.MaxTitle);
            e.Property(c => c.OpenedBy).HasMaxLength(200);
            e.Property(c => c.ClosedBy).HasMaxLength(200);
            e.Property(c => c.Summary).HasMaxLength(Case.MaxSummary);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Sightings).AsJson();
            e.HasIndex(c => new { c.AdvisoryId, c.OpenedAt });
        });

        b.Entity<CaseEvidence>(e =>
        {
            e.ToTable("case_evidence");
            e.HasKey(x => x.Id);
            e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
            // Numbered once: of two servers adding at once, one insert fails rather than two share a number.
            e.HasIndex(x => new { x.CaseId, x.Number }).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.AddedBy).HasMaxLength(200);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.MediaType).HasMaxLength(120);
            e.Property(x => x.CheckpointHash).HasMaxLength(64);
            e.Ignore(x => x.Size);
        });

        b.Entity<CaseDecision>(e =>
        {
            e.ToTable("case_decisions");
            e.HasKey(d => d.Id);
            e.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(d => new { d.CaseId, d.Number }).IsUnique();
            e.HasIndex(d => new { d.PartnerId, d.DecidedAt });
            e.HasIndex(d => d.ProposalId);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Reason).HasMaxLength(CaseDecision.MaxReason);
            e.Property(d => d.Classes).AsJson();
            e.Property(d => d.Tier).HasMaxLength(60);
            e.Property(d => d.PreviousTier).HasMaxLength(60);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.PreviousStatus).HasConversion<string>().HasMaxLength(20);
            // Taking effect, lifting and deciding the appeal are conditional updates: of two servers, one does.
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.Property(d => d.DecidedBy).HasMaxLength(200);
            e.Property(d => d.Appeal).HasMaxLength(CaseDecision.MaxAppeal);
            e.Property(d => d.AppealedAt).IsConcurrencyToken();
            e.Property(d => d.AppealedBy).HasMaxLength(200);
            e.Property(d => d.AppealOutcome).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.Property(d => d.AppealReason).HasMaxLength(CaseDecision.MaxReason);
            e.Property(d => d.AppealDecidedBy).HasMaxLength(200);
        });
    }
}
