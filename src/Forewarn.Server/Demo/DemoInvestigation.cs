using System.Text;
using System.Text.Json;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Sightings;
using Forewarn.Server.Auth;
using Forewarn.Server.Cases;
using Forewarn.Server.Hosting;
using Forewarn.Server.Sightings;
using Forewarn.Server.Tracing;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Demo;

/// <summary>
/// Records the demo's worked investigation of the 2025 replay (<see cref="DemoInvestigationStory"/>)
/// on the start that loaded the demo: a staff sighting, a case linking it, an exposure snapshot
/// before the sighting, a note, the found fragment of one partner's PoC copy as a file (traced when
/// added), and the suspension of that partner. Every step goes through the application service
/// staff use, so each is checked, committed with its transparency-log entry and — the trace — run
/// by the one tracer. It runs after the log's sequencer has started (an entry is waited for, and a
/// snapshot is frozen at a signed checkpoint) and before the server takes requests. The entries
/// carry the moment they were written, the first start: the log is never backdated, and the
/// story's 2025 moments are in what the entries say (first observed, the snapshot's moment).
/// Each step first looks for what an interrupted start already recorded, so the story is told once.
/// </summary>
public sealed class DemoInvestigation(IServiceScopeFactory scopes, StoreSettings settings, ILogger<DemoInvestigation> log) : IHostedService
{
    /// <summary>Set to <see cref="Due"/> with the demo, to <see cref="Recorded"/> once the story is in the store.</summary>
    public const string Setting = "demo.investigation";
    public const string Due = "due";
    public const string Recorded = "recorded";

    /// <summary>Who records it: the demo loader, as the demo's partners and advisories name it.</summary>
    private static readonly Actor Demo = new("staff:demo", null);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ForewarnDb>();
        if (await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Setting, cancellationToken) is not { Value: Due }) return;
        try
        {
            var (reference, partner) = await RecordAsync(services, db, cancellationToken);
            await db.Settings.Where(s => s.Key == Setting).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, Recorded), cancellationToken);
            var status = await db.Partners.AsNoTracking().Where(p => p.Id == partner).Select(p => p.Status).FirstAsync(cancellationToken);
            await NoteStatusAsync(partner, status, cancellationToken);
            log.LogInformation("Demo investigation of {Advisory} recorded: {Case}", DemoAdvisories.Replay, reference);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The demo's programme stands without its story; the next start tries the missing steps again.
            log.LogError(e, "The demo's investigation of {Advisory} could not be recorded", DemoAdvisories.Replay);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<(string Case, PartnerId Partner)> RecordAsync(IServiceProvider services, ForewarnDb db, CancellationToken ct)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Reference == DemoAdvisories.Replay, ct);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.LegalName == DemoInvestigationStory.Partner, ct);
        var cases = services.GetRequiredService<CaseService>();

        var sighting = await db.StaffSightings.AsNoTracking()
                           .Where(s => s.AdvisoryId == advisory.Id && s.Source == DemoInvestigationStory.Source).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
                       ?? (await services.GetRequiredService<SightingService>().RecordAsync(new NewSighting(advisory.Reference,
                           DemoInvestigationStory.FirstObserved, DemoInvestigationStory.Source, DemoInvestigationStory.SourceUrl, "high",
                           DemoInvestigationStory.Description, null, DemoInvestigationStory.Indicators), Demo, ct)).Id;

        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.AdvisoryId == advisory.Id && x.Title == DemoInvestigationStory.CaseTitle, ct)
                ?? await cases.OpenAsync(new NewCase(advisory.Reference, DemoInvestigationStory.CaseTitle, [sighting.ToString()]), Demo, ct);

        var added = await db.CaseEvidence.AsNoTracking().Where(e => e.CaseId == c.Id).Select(e => e.Kind).ToListAsync(ct);
        if (!added.Contains(EvidenceKind.Exposure))
            await cases.AddEvidenceAsync(c.Reference, Evidence("exposure", before: DemoInvestigationStory.FirstObserved.ToString("O")), Demo, ct);
        if (!added.Contains(EvidenceKind.Note))
            await cases.AddEvidenceAsync(c.Reference, Evidence("note", text: DemoInvestigationStory.Note), Demo, ct);
        if (!added.Contains(EvidenceKind.File))
        {
            var fragment = DemoInvestigationStory.Fragment(await CopyAsync(services, db, advisory.Id, partner.Id, ct));
            await cases.AddEvidenceAsync(c.Reference, new NewEvidence("file", null, null, DemoInvestigationStory.FragmentFileName,
                DemoInvestigationStory.FragmentMediaType, Convert.ToBase64String(Encoding.UTF8.GetBytes(fragment)), null, null), Demo, ct);
        }

        if (!await db.CaseDecisions.AsNoTracking().AnyAsync(d => d.CaseId == c.Id, ct))
        {
            // Suspended on the trace's word only: should the fragment ever name someone else, the story stops short of a decision.
            var file = await db.CaseEvidence.AsNoTracking().FirstAsync(e => e.CaseId == c.Id && e.Kind == EvidenceKind.File, ct);
            var trace = file.Trace is null ? null : JsonSerializer.Deserialize<SampleTrace>(file.Trace, JsonSerializerOptions.Web);
            if (trace?.Accused is not [{ } accused] || accused.PartnerId != partner.Id.Value)
                throw new InvalidOperationException($"The found fragment was not traced to {partner.LegalName} alone: {trace?.Verdict}");
            await services.GetRequiredService<CaseDecisionService>().DecideAsync(c.Reference,
                new NewDecision(partner.Id.ToString(), "suspend", DemoInvestigationStory.DecisionReason, null, null, null), Demo, ct);
        }
        return (c.Reference, partner.Id);
    }

    private static NewEvidence Evidence(string kind, string? text = null, string? before = null) =>
        new(kind, text, null, null, null, null, null, null, before);

    /// <summary>The partner's own PoC copy, as the partner API serves it (the same bytes every time).</summary>
    private static async Task<string> CopyAsync(IServiceProvider services, ForewarnDb db, AdvisoryId advisory, PartnerId partner, CancellationToken ct)
    {
        var poc = await db.Artifacts.AsNoTracking().FirstAsync(a => a.AdvisoryId == advisory && a.Class == ContentClass.Poc, ct);
        var content = await db.ArtifactContents.AsNoTracking().FirstAsync(x => x.ArtifactId == poc.Id, ct);
        var copy = await services.GetRequiredService<ArtifactMarking>().CopyForAsync(poc, content.Bytes, partner, ct);
        return Encoding.UTF8.GetString(copy.Bytes);
    }

    /// <summary>The demo's key file names each partner's status: the suspended partner's says so.</summary>
    private async Task NoteStatusAsync(PartnerId partner, PartnerStatus status, CancellationToken ct)
    {
        var path = StoreStartup.DemoCredentialsPath(settings);
        if (await DemoCredentials.ReadAsync(path, ct) is not { } credentials) return;
        var partners = credentials.Partners.Select(p => p.Id == partner.Value ? p with { Status = status.ToString().ToLowerInvariant() } : p).ToList();
        await (credentials with { Partners = partners }).WriteAsync(path, ct);
    }
}
