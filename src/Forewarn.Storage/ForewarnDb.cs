using Forewarn.Domain.Access;
using Forewarn.Domain.Accounts;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Domain.Feedback;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Mail;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Publishing;
using Forewarn.Domain.Sightings;
using Forewarn.Domain.Staff;
using Forewarn.Domain.Tiers;
using Forewarn.Domain.Webhooks;
using Forewarn.Storage.History;
using Forewarn.Storage.Mapping;
using Forewarn.Storage.Transparency;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage;

/// <summary>
/// The programme's store. One model; each provider has its own subclass so that each keeps its
/// own migrations (<see cref="Sqlite.SqliteDb"/>, <see cref="Postgres.PostgresDb"/>). The portal's
/// accounts (ASP.NET Core Identity's users, without Identity's roles: a portal role is a set of
/// API key scopes, <see cref="Domain.Accounts.PortalRole"/>) live in the same store.
/// </summary>
public abstract class ForewarnDb(DbContextOptions options) : IdentityUserContext<PortalUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Tier> Tiers => Set<Tier>();
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();
    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();
    public DbSet<Advisory> Advisories => Set<Advisory>();
    public DbSet<Artifact> Artifacts => Set<Artifact>();
    public DbSet<ArtifactContent> ArtifactContents => Set<ArtifactContent>();
    public DbSet<Wave> Waves => Set<Wave>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<LogEntry> LogEntries => Set<LogEntry>();
    public DbSet<LogNode> LogNodes => Set<LogNode>();
    public DbSet<LogCheckpoint> LogCheckpoints => Set<LogCheckpoint>();
    public DbSet<PendingLogEntry> LogPending => Set<PendingLogEntry>();
    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();
    public DbSet<DetectionFeedback> DetectionFeedback => Set<DetectionFeedback>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<WaveAnnouncement> WaveAnnouncements => Set<WaveAnnouncement>();
    public DbSet<WaveOpening> WaveOpenings => Set<WaveOpening>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<MailMessage> MailMessages => Set<MailMessage>();
    public DbSet<Sighting> Sightings => Set<Sighting>();
    public DbSet<SightingSubmission> SightingSubmissions => Set<SightingSubmission>();
    public DbSet<StaffSighting> StaffSightings => Set<StaffSighting>();
    public DbSet<SightingSample> SightingSamples => Set<SightingSample>();
    public DbSet<PartnerSightingSample> PartnerSightingSamples => Set<PartnerSightingSample>();
    public DbSet<ProgramSetting> Settings => Set<ProgramSetting>();
    public DbSet<FactRecord> FactHistory => Set<FactRecord>();
    public DbSet<AcknowledgementReminder> AcknowledgementReminders => Set<AcknowledgementReminder>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvidence> CaseEvidence => Set<CaseEvidence>();
    public DbSet<CaseDecision> CaseDecisions => Set<CaseDecision>();
    public DbSet<RequestSource> RequestSources => Set<RequestSource>();
    public DbSet<NetworkBinding> NetworkBindings => Set<NetworkBinding>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>
    /// The Data Protection key ring every server of the programme shares; each key is encrypted by
    /// the operator's master key, so the store alone does not open the programme's secrets.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Which provider this store runs on ("sqlite" or "postgresql").</summary>
    public abstract string ProviderName { get; }

    private HashSet<Type>? addedInBulk;

    /// <summary>Notes that rows of a type were written beside the change tracker (<see cref="BulkInsert"/>), for whoever follows up the commit.</summary>
    public void NoteAddedInBulk(Type type) => (addedInBulk ??= []).Add(type);

    /// <summary>The types written in bulk since the last call, and forgets them.</summary>
    public IReadOnlySet<Type> TakeAddedInBulk()
    {
        var taken = addedInBulk ?? [];
        addedInBulk = null;
        return taken;
    }

    /// <summary>The generation tokens the save in progress stamps (facts, accounts), for whoever follows its commit.</summary>
    internal IReadOnlyList<string> StampedTokens { get; private set; } = [];

    private void StampGenerations()
    {
        var facts = FactsGeneration.StampIfFactsChanged(this);
        var accounts = AccountsGeneration.StampIfAccountsChanged(this);
        StampedTokens = (facts, accounts) switch
        {
            (null, null) => [],
            (not null, null) => [facts],
            (null, not null) => [accounts],
            _ => [facts!, accounts!],
        };
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RevisionMappings.Bump(this);
        StampGenerations();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RevisionMappings.Bump(this);
        StampGenerations();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // Identity's model first, then the programme's names for its tables
        DomainMappings.Apply(modelBuilder);
        AccountMappings.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        IdConventions.Apply(configurationBuilder);
}
