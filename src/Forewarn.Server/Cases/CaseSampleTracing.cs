using System.Text.Json;
using Forewarn.Domain.Advisories;
using Forewarn.Server.Auth;
using Forewarn.Server.Tracing;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Cases;

/// <summary>
/// Traces a text sample a case is given against every fingerprinted artifact of the case's
/// advisory, through the one <see cref="TraceService"/> (so each run is also a <c>trace.run</c>
/// entry), and returns what was found as the JSON the evidence keeps: one trace per artifact that
/// can carry marks (marks read, threshold, accused, verdict). One method, so a shared sample
/// tracer can take its place.
/// </summary>
public sealed class CaseSampleTracing(ForewarnDb db, TraceService traces)
{
    public async Task<string> TraceAsync(Advisory advisory, string text, Actor actor, CancellationToken ct)
    {
        var marked = (await db.Artifacts.AsNoTracking().Where(a => a.AdvisoryId == advisory.Id).ToListAsync(ct))
            .Where(a => ArtifactMarking.MethodFor(a) != MarkingMethod.None).OrderBy(a => a.Id.Value).ToList();
        var results = new List<TraceDto>();
        foreach (var artifact in marked)
        {
            try
            {
                results.Add(await traces.TraceAsync(new TraceRequest(artifact.Id.ToString(), text, null), actor, ct));
            }
            catch (TraceRefusedException)
            {
                // An artifact that cannot carry marks was never served marked: nothing to read in the sample.
            }
        }
        return JsonSerializer.Serialize(results.OrderByDescending(r => r.MarksRead).ToList(), JsonSerializerOptions.Web);
    }
}
