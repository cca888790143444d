using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Timeline;

/// <summary>
/// The incident timeline picture of an advisory or a case, as SVG or PNG (staff):
/// <c>GET /api/v1/advisories/{id}/timeline.svg|png</c>, <c>GET /api/v1/cases/{id}/timeline.svg|png</c>.
/// </summary>
public static class TimelineEndpoints
{
    public const string SvgType = "image/svg+xml";
    public const string PngType = "image/png";

    public static void MapTimelines(this IEndpointRouteBuilder api)
    {
        var advisories = api.MapGroup("/advisories").WithTags("Investigations").RequireAuthorization(AccessPolicies.Investigate);
        var cases = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(AccessPolicies.Investigate);
        advisories.MapGet("/{id}/timeline.svg", async (string id, TimelineService timelines, CancellationToken ct) => Svg(await timelines.OfAdvisoryAsync(id, ct)))
            .WithSummary("The advisory's incident timeline as SVG: waves, release, sightings, partners' first notices and fetches")
            .Produces(StatusCodes.Status200OK, contentType: SvgType).Refuses(ErrorCategory.NotFound);
        advisories.MapGet("/{id}/timeline.png", async (string id, TimelineService timelines, CancellationToken ct) => Png(await timelines.OfAdvisoryAsync(id, ct)))
            .WithSummary("The advisory's incident timeline as PNG").Produces(StatusCodes.Status200OK, contentType: PngType).Refuses(ErrorCategory.NotFound);
        cases.MapGet("/{id}/timeline.svg", async (string id, TimelineService timelines, CancellationToken ct) => Svg(await timelines.OfCaseAsync(id, ct)))
            .WithSummary("The case's timeline as SVG: the advisory's, with the case's evidence, decisions and appeals")
            .Produces(StatusCodes.Status200OK, contentType: SvgType).Refuses(ErrorCategory.NotFound);
        cases.MapGet("/{id}/timeline.png", async (string id, TimelineService timelines, CancellationToken ct) => Png(await timelines.OfCaseAsync(id, ct)))
            .WithSummary("The case's timeline as PNG").Produces(StatusCodes.Status200OK, contentType: PngType).Refuses(ErrorCategory.NotFound);
    }

    private static FileContentHttpResult Svg(TimelinePicture picture) => TypedResults.File(TimelineImages.Svg(picture), SvgType);

    private static FileContentHttpResult Png(TimelinePicture picture) => TypedResults.File(TimelineImages.Png(picture), PngType);
}
