using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Domain.Feedback;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Sightings;
using Forewarn.Domain.Staff;
using Forewarn.Domain.Tiers;
using Forewarn.Storage.History;
using Forewarn.Storage.Transparency;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage.Mapping;

/// <summary>The one model both providers share.</summary>
internal static class DomainMappings
{
    public static void Apply(ModelBuilder b)
    {
        b.Entity<Partner>(e =>
        {
            e.ToTable("partners");
            e.HasKey(p => p.Id);
            e.Property(p => p.LegalName).HasMaxLength(200);
            e.Property(p => p.HeadquartersCountry).HasMaxLength(2);
            e.Property(p => p.Jurisdictions).AsJson();
            e.Property(p => p.Category).HasConversion<string>().HasMaxLength(40);
            e.Property(p => p.Tier).HasMaxLength(60);
            e.ComplexProperty(p => p.Contract, c =>
            {
                c.Property(x => x.NdaVersion).HasColumnName("nda_version").HasMaxLength(40);
                c.Property(x => x.SignedAt).HasColumnName("nda_signed_at");
                c.Property(x => x.ExpiresAt).HasColumnName("nda_expires_at");
            });
            e.Property(p => p.Restrictions).AsJson();
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            // Two servers acting on their own (a contract's expiry) change a partner once: the
            // second save finds the history or the warning already moved and writes nothing.
            e.Property(p => p.History).AsJson().IsConcurrencyToken();
            e.Property(p => p.ContractWarnedFor).IsConcurrencyToken();
            e.HasIndex(p => p.LegalName).IsUnique();
        });

        b.Entity<Tier>(e =>
        {
            e.ToTable("tiers");
            e.HasKey(t => t.Name);
            e.Property(t => t.Name).HasMaxLength(60);
            e.Property(t => t.LeadTimes).AsJson();
            // Tiers stored before reviews were kept are reviewed yearly, as new ones are by default.
            e.Property(t => t.ReviewEvery).HasDefaultValue(Tier.DefaultReviewEvery);
            e.Property(t => t.AcknowledgeWithin).HasDefaultValue(Tier.DefaultAcknowledgeWithin);
        });

        b.Entity<Jurisdiction>(e =>
        {
            e.ToTable("jurisdictions");
            e.HasKey(j => j.Code);
            e.Property(j => j.Code).HasMaxLength(8);
            e.Property(j => j.Facts).AsJson();
        });

        b.Entity<PolicyVersion>(e =>
        {
            e.ToTable("policy_versions");
            e.HasKey(v => v.Number);
            e.Property(v => v.Number).ValueGeneratedNever();
            e.Property(v => v.Rules).AsJson();
        });

        b.Entity<Advisory>(e =>
        {
            e.ToTable("advisories");
            e.HasKey(a => a.Id);
            e.Property(a => a.Reference).HasMaxLength(40);
            e.HasIndex(a => a.Reference).IsUnique();
            e.Property(a => a.CveIds).AsJson();
            e.Ignore(a => a.AffectedProducts);
            e.Ignore(a => a.Details);
            e.Property(a => a.Products).AsJson();
            e.Property(a => a.Tlp).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Notes).AsJson();
            e.Property(a => a.References).AsJson();
            e.Property(a => a.Vulnerabilities).AsJson();
            e.Property(a => a.Revisions).AsJson();
            e.HasIndex(a => a.ReleaseAt);
        });

        b.Entity<Artifact>(e =>
        {
            e.ToTable("artifacts");
            e.HasKey(a => a.Id);
            e.HasOne<Advisory>().WithMany().HasForeignKey(a => a.AdvisoryId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Class).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Tlp).HasConversion<string>().HasMaxLength(20);
        });

        b.Entity<ArtifactContent>(e =>
        {
            e.ToTable("artifact_contents");
            e.HasKey(c => c.ArtifactId);
            e.HasOne<Artifact>().WithOne().HasForeignKey<ArtifactContent>(c => c.ArtifactId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<Wave>(e =>
        {
            e.ToTable("waves");
            e.HasKey(w => w.Id);
            e.HasOne<Advisory>().WithMany().HasForeignKey(w => w.AdvisoryId).OnDelete(DeleteBehavior.Restrict);
            e.Property(w => w.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(w => w.ArtifactIds).AsJson();
            e.HasIndex(w => new { w.AdvisoryId, w.Number }).IsUnique();
        });

        b.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Prefix).HasMaxLength(12);
            e.HasIndex(k => k.Prefix).IsUnique();
            e.Property(k => k.SecretHash).HasMaxLength(64);
            e.Property(k => k.Owner).HasConversion<string>().HasMaxLength(10);
            e.HasOne<Partner>().WithMany().HasForeignKey(k => k.PartnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<StaffMember>().WithMany().HasForeignKey(k => k.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.Property(k => k.Scopes).AsJson();
        });

        b.Entity<StaffMember>(e =>
        {
            e.ToTable("staff_members");
            e.HasKey(m => m.Id);
            e.Property(m => m.Name).HasMaxLength(StaffMember.MaxName);
            e.HasIndex(m => m.Name).IsUnique();
        });

        b.Entity<Proposal>(e =>
        {
            e.ToTable("proposals");
            e.HasKey(p => p.Id);
            e.Property(p => p.Action).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Subject).HasMaxLength(60);
            e.Property(p => p.Summary).HasMaxLength(1000);
            // The decision is a conditional update (… WHERE state = 'Pending'): of two servers deciding at once, one does.
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            // A key is collected once: the same kind of condition on when it was.
            e.Property(p => p.AppliedAt).IsConcurrencyToken();
            e.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.ProposerMember).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.DeciderMember).OnDelete(DeleteBehavior.Restrict);
            e.Property(p => p.ProposedBy).HasMaxLength(200);
            e.Property(p => p.DecidedBy).HasMaxLength(200);
            e.Property(p => p.Reason).HasMaxLength(500);
            e.Property(p => p.Outcome).HasMaxLength(300);
            e.HasIndex(p => new { p.State, p.ExpiresAt });
            e.HasIndex(p => new { p.Subject, p.State });
        });

        b.Entity<FactRecord>(e =>
        {
            e.ToTable("fact_history");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Subject).HasMaxLength(60);
            e.Property(x => x.Generation).HasMaxLength(40);
            e.HasIndex(x => new { x.Kind, x.Subject, x.From });
            e.HasIndex(x => x.From);
            e.HasIndex(x => x.Generation);
        });

        b.Entity<LogEntry>(e =>
        {
            e.ToTable("log_entries");
            e.HasKey(x => x.Index);
            e.Property(x => x.Index).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.HasIndex(x => new { x.PartnerId, x.Index });
            e.HasIndex(x => new { x.ArtifactId, x.Kind });
        });

        b.Entity<LogNode>(e =>
        {
            e.ToTable("log_nodes");
            e.HasKey(x => new { x.Level, x.Index });
            e.Property(x => x.Index).ValueGeneratedNever();
        });

        b.Entity<PendingLogEntry>(e =>
        {
            e.ToTable("log_pending");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.Kind).HasMaxLength(40);
        });

        b.Entity<LogCheckpoint>(e =>
        {
            e.ToTable("log_checkpoints");
            e.HasKey(x => x.Size);
            e.Property(x => x.Size).ValueGeneratedNever();
        });

        b.Entity<Acknowledgement>(e =>
        {
            e.ToTable("acknowledgements");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.PartnerId, a.AdvisoryId }).IsUnique();
        });

        b.Entity<DetectionFeedback>(e =>
        {
            e.ToTable("detection_feedback");
            e.HasKey(f => f.Id);
            e.Property(f => f.Verdict).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.Note).HasMaxLength(DetectionFeedback.MaxNote);
            e.Property(f => f.By).HasMaxLength(200);
            // Staff read it per artifact and per partner, newest first.
            e.HasIndex(f => new { f.ArtifactId, f.At });
            e.HasIndex(f => new { f.PartnerId, f.At });
        });

        b.Entity<AcknowledgementReminder>(e =>
        {
            e.ToTable("acknowledgement_reminders");
            e.HasKey(a => a.Id);
            // One reminder per partner and advisory: a second server's insert fails and it reminds no one.
            e.HasIndex(a => new { a.PartnerId, a.AdvisoryId }).IsUnique();
        });

        b.Entity<Publication>(e =>
        {
            e.ToTable("publications");
            e.HasKey(p => p.Id);
            e.HasOne<Advisory>().WithMany().HasForeignKey(p => p.AdvisoryId).OnDelete(DeleteBehavior.Restrict);
            // The unique pair is what makes a release happen once, however many servers try.
            e.HasIndex(p => new { p.AdvisoryId, p.Version }).IsUnique();
            e.HasIndex(p => p.Path);
            e.Property(p => p.TrackingId).HasMaxLength(100);
            e.Property(p => p.Path).HasMaxLength(200);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.Sha512).HasMaxLength(128);
        });

        b.Entity<Notice>(e =>
        {
            e.ToTable("notices");
            e.HasKey(n => n.Id);
            e.HasOne<Partner>().WithMany().HasForeignKey(n => n.PartnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Advisory>().WithMany().HasForeignKey(n => n.AdvisoryId).OnDelete(DeleteBehavior.Restrict);
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(n => new { n.PartnerId, n.At });
            e.HasIndex(n => new { n.AdvisoryId, n.At });
        });

        b.Entity<WaveAnnouncement>(e =>
        {
            e.ToTable("wave_announcements");
            // One row per wave: the key is what makes a wave announced once.
            e.HasKey(w => w.WaveId);
            e.HasOne<Wave>().WithMany().HasForeignKey(w => w.WaveId).OnDelete(DeleteBehavior.Restrict);
            e.Property(w => w.Silent).HasMaxLength(200);
        });

        b.Entity<WaveOpening>(e =>
        {
            e.ToTable("wave_openings");
            e.HasKey(o => o.Id);
            // One per wave and partner; settling checks the row is still pending, so one server tells.
            e.HasIndex(o => new { o.WaveId, o.PartnerId }).IsUnique();
            e.HasIndex(o => new { o.SettledAt, o.OpensAt });
            e.HasOne<Wave>().WithMany().HasForeignKey(o => o.WaveId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Partner>().WithMany().HasForeignKey(o => o.PartnerId).OnDelete(DeleteBehavior.Restrict);
            e.Property(o => o.SettledAt).IsConcurrencyToken();
            e.Property(o => o.Outcome).HasMaxLength(200);
        });

        b.Entity<Sighting>(e =>
        {
            e.ToTable("sightings");
            e.HasKey(s => s.Id);
            e.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Advisory>().WithMany().HasForeignKey(s => s.AdvisoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<SightingSubmission>().WithMany().HasForeignKey(s => s.SubmissionId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.StixId).HasMaxLength(Sighting.MaxStixId);
            e.Property(s => s.SightingOfRef).HasMaxLength(Sighting.MaxStixId);
            // A STIX object version is its id and modified: the same pair again is the same sighting.
            e.HasIndex(s => new { s.PartnerId, s.StixId, s.Modified }).IsUnique();
            e.HasIndex(s => new { s.AdvisoryId, s.ReceivedAt });
            e.Property(s => s.Channel).HasMaxLength(20);
            e.Property(s => s.ReportedBy).HasMaxLength(200);
            e.Property(s => s.SeenWhere).HasMaxLength(Sighting.MaxSeenWhere);
            e.Property(s => s.Description).HasMaxLength(StaffSighting.MaxDescription);
            e.Property(s => s.SampleFileName).HasMaxLength(ContentLabels.MaxFileName);
            e.Property(s => s.SampleMediaType).HasMaxLength(ContentLabels.MaxMediaType);
            e.Property(s => s.SampleSha256).HasMaxLength(64);
            e.Property(s => s.Trace!).AsJson();
        });

        // A partner's sample, apart from its sighting so that lists never load the bytes.
        b.Entity<PartnerSightingSample>(e =>
        {
            e.ToTable("partner_sighting_samples");
            e.HasKey(x => x.SightingId);
            e.Ignore(x => x.Text);
            e.HasOne<Sighting>().WithOne().HasForeignKey<PartnerSightingSample>(x => x.SightingId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<StaffSighting>(e =>
        {
            e.ToTable("staff_sightings");
            e.HasKey(s => s.Id);
            e.HasOne<Advisory>().WithMany().HasForeignKey(s => s.AdvisoryId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Source).HasMaxLength(StaffSighting.MaxSource);
            e.Property(s => s.SourceUrl).HasMaxLength(StaffSighting.MaxUrl);
            e.Property(s => s.Confidence).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.Description).HasMaxLength(StaffSighting.MaxDescription);
            e.Property(s => s.Indicators).AsJson();
            e.Property(s => s.SampleFileName).HasMaxLength(ContentLabels.MaxFileName);
            e.Property(s => s.SampleMediaType).HasMaxLength(ContentLabels.MaxMediaType);
            e.Property(s => s.SampleSha256).HasMaxLength(64);
            e.Property(s => s.Trace!).AsJson();
            e.Property(s => s.RecordedBy).HasMaxLength(200);
            e.HasIndex(s => new { s.AdvisoryId, s.RecordedAt });
            e.HasIndex(s => s.RecordedAt);
        });

        b.Entity<SightingSample>(e =>
        {
            e.ToTable("staff_sighting_samples");
            e.HasKey(x => x.SightingId);
            e.Ignore(x => x.Text);
            e.HasOne<StaffSighting>().WithOne().HasForeignKey<SightingSample>(x => x.SightingId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<SightingSubmission>(e =>
        {
            e.ToTable("taxii_statuses");
            e.HasKey(s => s.Id);
            e.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Successes).AsJson();
            e.Property(s => s.Failures).AsJson();
            e.Ignore(s => s.TotalCount);
            e.HasIndex(s => new { s.PartnerId, s.RequestedAt });
        });

        b.Entity<ProgramSetting>(e =>
        {
            e.ToTable("program_settings");
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(60);
            e.HasData(new ProgramSetting(FactsGeneration.Key, FactsGeneration.Initial),
                new ProgramSetting(AccountsGeneration.Key, AccountsGeneration.Initial));
        });

        b.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.Id);
        });

        DeliveryMappings.Apply(b);
        CaseMappings.Apply(b);
        SourceMappings.Apply(b);
        RevisionMappings.Apply(b);
    }
}
