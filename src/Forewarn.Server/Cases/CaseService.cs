using System.Text;
using System.Text.Json;
using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Exposure;
using Forewarn.Server.Tracing;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Cases;

/// <summary>
/// The operations on cases — open, add evidence, close — each checked in full before anything is
/// written and committed with its log entry. Evidence is only ever added: there is no operation
/// that changes or removes it. Decisions are <see cref="CaseDecisionService"/>'s.
/// </summary>
public sealed class CaseService(ForewarnDb db, TimeProvider clock, TraceService traces, SampleTracing samples, ExposureService exposure)
{
    /// <summary>A case by its id or reference (CASE-2026-0001); not found otherwise.</summary>
    public async Task<Case> FindAsync(string idOrReference, CancellationToken ct)
    {
        var given = idOrReference.Trim();
        // A value no reference can be is not looked up (the store may refuse some characters outright).
        if (given.Length > 40 || TextRules.Problem(given, TextShape.Line) is not null) throw new NotFoundException("case", idOrReference);
        var found = Guid.TryParse(given, out var id)
            ? await db.Cases.FirstOrDefaultAsync(c => c.Id == id, ct)
            : await db.Cases.FirstOrDefaultAsync(c => c.Reference == given.ToUpperInvariant(), ct);
        return found ?? throw new NotFoundException("case", idOrReference);
    }

    public async Task<Case> OpenAsync(NewCase body, Actor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Advisory))
            throw new DomainException("invalid-field", "A case is opened on an advisory: give advisory (its id or reference).");
        var advisory = await db.AdvisoryAsync(TextRules.Required(body.Advisory, "advisory", 100), ct);
        var sightings = new List<string>();
        foreach (var s in body.Sightings ?? []) sightings.Add(await CaseSightings.FindAsync(db, advisory.Id, s, ct));
        var now = clock.GetUtcNow();
        var c = Case.Open(await NextReferenceAsync(now.Year, ct), advisory.Id, body.Title, sightings, now, actor.Name);
        db.Cases.Add(c);
        db.Stage(LogEvents.CaseOpened(c, advisory.Reference, actor));
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Adds a note, a sighting, a file (traced when it is text) or a trace to an open case.</summary>
    public async Task<CaseEvidence> AddEvidenceAsync(string caseId, NewEvidence body, Actor actor, CancellationToken ct)
    {
        var c = await FindAsync(caseId, ct);
        c.EnsureOpen();
        var kind = CaseEvidence.ParseKind(body.Kind);
        var now = clock.GetUtcNow();
        var number = await NextNumberAsync(c, ct);
        CaseEvidence evidence;
        switch (kind)
        {
            case EvidenceKind.Note:
                evidence = CaseEvidence.Note(c.Id, number, body.Text, now, actor.Name);
                break;
            case EvidenceKind.Sighting:
                var sighting = await CaseSightings.FindAsync(db, c.AdvisoryId, body.SightingId, ct);
                evidence = CaseEvidence.OfSighting(c.Id, number, sighting, now, actor.Name);
                c.Link(sighting);
                break;
            case EvidenceKind.File:
                var bytes = Decode(body.ContentBase64);
                CaseEvidence.CheckFile(bytes);
                var mediaType = ContentLabels.MediaType(body.MediaType);
                ContentLabels.FileName(body.FileName);
                var trace = CaseEvidence.IsText(mediaType) && Text(bytes) is { } text
                    ? JsonSerializer.Serialize(await samples.TraceAsync(c.AdvisoryId, text, actor, ct), JsonSerializerOptions.Web)
                    : null;
                evidence = CaseEvidence.File(c.Id, number, body.FileName, mediaType, bytes, trace, now, actor.Name);
                break;
            case EvidenceKind.Trace:
                // The trace refuses an empty leak, an unknown artifact or one without marks before anything is kept.
                var result = await traces.TraceAsync(new TraceRequest(body.ArtifactId, body.Leaked, null), actor, ct);
                evidence = CaseEvidence.OfTrace(c.Id, number, JsonSerializer.Serialize(result, JsonSerializerOptions.Web), now, actor.Name);
                break;
            default:
                // An exposure snapshot is not sent but computed here, for the moment given, and frozen with its checkpoint.
                if (string.IsNullOrWhiteSpace(body.Before))
                    throw new DomainException("evidence-not-accepted",
                        "An exposure snapshot is computed and frozen by the server: give 'before', the moment it is taken for (e.g. the first sighting), not the analysis itself.");
                var report = await exposure.AnalyseAsync(c.AdvisoryId.Value.ToString(), body.Before, ct);
                if (report.Checkpoint is not { } seen)
                    throw new ConflictException("no-checkpoint",
                        "The log has no signed checkpoint yet, and an exposure snapshot is frozen at one; try again in a moment.");
                var root = await db.LogCheckpoints.AsNoTracking().Where(k => k.Size == seen.Size).Select(k => k.Root).FirstAsync(ct);
                evidence = CaseEvidence.OfExposure(c.Id, number, JsonSerializer.Serialize(report, JsonSerializerOptions.Web),
                    new LogCheckpointRef(seen.Size, Convert.ToHexStringLower(root)), now, actor.Name);
                break;
        }
        return await AddAsync(c, evidence, actor, ct);
    }

    /// <summary>
    /// Freezes an exposure analysis into the case: the JSON as computed and the log checkpoint it was
    /// computed at. The exposure analysis calls this; the document is kept, never recomputed.
    /// </summary>
    public async Task<CaseEvidence> AddExposureSnapshotAsync(string caseId, string json, LogCheckpointRef checkpoint, Actor actor, CancellationToken ct)
    {
        var c = await FindAsync(caseId, ct);
        c.EnsureOpen();
        var evidence = CaseEvidence.OfExposure(c.Id, await NextNumberAsync(c, ct), json, checkpoint, clock.GetUtcNow(), actor.Name);
        return await AddAsync(c, evidence, actor, ct);
    }

    public async Task<Case> CloseAsync(string caseId, CaseClosing body, Actor actor, CancellationToken ct)
    {
        var c = await FindAsync(caseId, ct);
        c.Close(body.Summary, clock.GetUtcNow(), actor.Name);
        db.Stage(LogEvents.CaseClosed(c, actor));
        await db.SaveChangesAsync(ct);
        return c;
    }

    private async Task<CaseEvidence> AddAsync(Case c, CaseEvidence evidence, Actor actor, CancellationToken ct)
    {
        db.CaseEvidence.Add(evidence);
        db.Stage(LogEvents.CaseEvidenceAdded(c, evidence, actor));
        await db.SaveChangesAsync(ct);
        return evidence;
    }

    private async Task<string> NextReferenceAsync(int year, CancellationToken ct)
    {
        var prefix = Case.YearPrefix(year);
        var taken = await db.Cases.AsNoTracking().Where(c => c.Reference.StartsWith(prefix)).Select(c => c.Reference).ToListAsync(ct);
        var last = taken.Select(r => int.TryParse(r[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return Case.ReferenceFor(year, last + 1);
    }

    private async Task<int> NextNumberAsync(Case c, CancellationToken ct) =>
        await db.CaseEvidence.AsNoTracking().Where(e => e.CaseId == c.Id).Select(e => (int?)e.Number).MaxAsync(ct) is { } n ? n + 1 : 1;

    private static byte[] Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64)) return [];
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new DomainException("invalid-base64", "contentBase64 is not base64: send the file's bytes base64-encoded.");
        }
    }

    /// <summary>The file as UTF-8 text, or null when it is not valid UTF-8 (then it is kept, not traced).</summary>
    private static string? Text(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
