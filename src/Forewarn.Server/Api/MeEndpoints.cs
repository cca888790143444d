using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Problems;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>
/// The partner's side: what is open to me, the content itself, and acknowledgement. Anything
/// the partner may not know about answers exactly as something that does not exist (404).
/// </summary>
public static class MeEndpoints
{
    public const string Channel = "api";

    public static void MapMe(this IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/me").WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerRead);
        read.MapGet("/", Me).WithSummary("My organisation");
        read.MapGet("/advisories", MyAdvisories).WithSummary("Advisories open to me now, and when their other items open")
            .Produces<IReadOnlyList<MyAdvisoryDto>>(StatusCodes.Status200OK, "application/json");
        read.MapGet("/advisories/{id}", MyAdvisory).WithSummary("One advisory open to me");
        read.MapGet("/artifacts/{id}/content", Content).WithSummary("An artifact's content, when it is open to me (every request is recorded)");
        api.MapPost("/me/advisories/{id}/acknowledge", Acknowledge).WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerAcknowledge)
            .WithSummary("Acknowledge receipt of an advisory");
    }

    private static async Task<Partner> CallerAsync(PartnerView view, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.PartnerId();
        return await view.PartnerAsync(id, ct) ?? throw new NotFoundException("partner", id.ToString());
    }

    private static async Task<Ok<PartnerDto>> Me(PartnerView view, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(PartnerDto.From(await CallerAsync(view, user, ct)));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> MyAdvisories(
        PartnerView view, EntitledViews views, PartnerInbox inbox, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var partner = await CallerAsync(view, user, ct);
        var now = clock.GetUtcNow();
        if (NotReceiving(partner, now) is { } refusal) return refusal;
        var json = await inbox.ListAsync(await views.ForAsync(partner.Id, now, ct), ct);
        return TypedResults.File(json, "application/json; charset=utf-8");
    }

    private static async Task<Results<Ok<MyAdvisoryDto>, ProblemHttpResult>> MyAdvisory(
        string id, ForewarnDb db, PartnerView view, EntitledViews views, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var partner = await CallerAsync(view, user, ct);
        var now = clock.GetUtcNow();
        if (NotReceiving(partner, now) is { } refusal) return refusal;
        var entitled = await AdvisoryIdAsync(db, id, ct) is { } advisory ? (await views.ForAsync(partner.Id, now, ct)).Find(advisory) : null;
        return entitled is null ? Problem.NotFound("advisory", id) : TypedResults.Ok(PartnerInbox.Item(entitled));
    }

    /// <summary>The header that names the SHA-256 of the copy served (the partner's own copy, as the access record notes it).</summary>
    public const string CopyHeader = "X-Forewarn-Copy-Sha256";

    /// <summary>The index of the download's entry in the transparency log.</summary>
    public const string LogIndexHeader = "X-Forewarn-Log-Index";

    /// <summary>The download's receipt (entry, inclusion proof, checkpoint) as base64 of its JSON: verify it with <c>forewarn log verify-receipt</c>.</summary>
    public const string ReceiptHeader = "X-Forewarn-Receipt";

    private static async Task<Results<ServedContent, ProblemHttpResult>> Content(
        string id, PartnerView view, RequestOrigins origins, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var partner = await CallerAsync(view, user, ct);
        var now = clock.GetUtcNow();
        if (!ArtifactId.TryParse(id, out var artifactId)) return Problem.NotFound("artifact", id);
        var result = await view.DecideContentAsync(partner, user.KeyId(), artifactId, Channel, await origins.OfAsync(http), now, ct);
        if (Served(http.Response, result, partner.Id) is { } served) return served;
        if (result.CopyProblem is not null)
        {
            // The reason stays in the access record for staff: it speaks of the marks, which partners are not told about.
            return Problem.Of(ErrorCategory.Unavailable, "copy-unavailable",
                "Your copy of this artifact could not be prepared, so nothing was served. The refusal is recorded and the programme's staff can see why; try again later or contact them.");
        }
        if (NotReceiving(partner, now) is { } refusal) return refusal;
        if (!result.Listed) return Problem.NotFound("artifact", id);
        return Problem.Of(ErrorCategory.Forbidden, "not-yet-open",
            $"This artifact is not open to you yet: it opens {Moments.Show(result.Decision!.OpensAt!.Value)}.",
            new Dictionary<string, object?> { ["opensAt"] = result.Decision.OpensAt, ["explanation"] = result.Decision.Explanation });
    }

    /// <summary>
    /// The answer of an allowed request whose copy was made and logged: the copy with its SHA-256,
    /// its log index and its receipt in headers; null when nothing is to be served. The API and
    /// the portal serve a copy through this one answer.
    /// </summary>
    public static ServedContent? Served(HttpResponse response, ContentDecision result, PartnerId partner)
    {
        if (result is not { Decision.Allowed: true, Artifact: { } artifact, Copy: { } copy, Logged: { } logged, Answer: { } answer }) return null;
        response.Headers[CopyHeader] = copy.Sha256;
        response.Headers[LogIndexHeader] = logged.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[ReceiptHeader] = Convert.ToBase64String(LogReader.ReceiptOf(logged).ToUtf8());
        return new ServedContent(answer, copy.Bytes, logged, partner.Value, artifact.Id.Value);
    }

    private static async Task<Results<Ok<AcknowledgementDto>, ProblemHttpResult>> Acknowledge(
        string id, AcknowledgementRequest? body, ForewarnDb db, PartnerView view, AcknowledgementService acknowledgements,
        ClaimsPrincipal user, CancellationToken ct)
    {
        // A partner that is not receiving never gets here: ReadOnlyPartners refuses every partner write.
        var partner = await CallerAsync(view, user, ct);
        var (acknowledgement, reference) = await acknowledgements.AcknowledgeAsync(partner, await AdvisoryIdAsync(db, id, ct), id, body?.Note,
            Actor.Of(user), ct);
        return TypedResults.Ok(new AcknowledgementDto(acknowledgement.AdvisoryId.Value, reference, acknowledgement.At, acknowledgement.Note));
    }

    /// <summary>An advisory's id from its id or its reference (FW-2026-0001); null when no advisory has it.</summary>
    public static async Task<AdvisoryId?> AdvisoryIdAsync(ForewarnDb db, string id, CancellationToken ct)
    {
        if (AdvisoryId.TryParse(id, out var aid)) return aid;
        var reference = id.Trim().ToUpperInvariant();
        var found = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Reference == reference, ct);
        return found?.Id;
    }

    private static ProblemHttpResult? NotReceiving(Partner partner, DateTimeOffset now)
    {
        var status = partner.StatusAt(now);
        return status.Receives()
            ? null
            : Problem.Of(ErrorCategory.Forbidden, "partner-not-receiving",
                $"{partner.LegalName} is {status.Name()} since {Moments.ShowDate(partner.StatusSince(now))}; nothing can be served to it.");
    }
}
