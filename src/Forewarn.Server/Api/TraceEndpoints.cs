using System.Globalization;
using System.Security.Claims;
using System.Text;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Tracing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Api;

/// <summary>
/// Staff trace a leaked text to the partners whose copy it is (issue 5): the endpoint reads the
/// question (JSON, or the text itself with the query) and hands it to <see cref="TraceService"/>,
/// which runs and logs the trace.
/// </summary>
public static class TraceEndpoints
{
    public static void MapTrace(this IEndpointRouteBuilder api) =>
        api.MapPost("/trace", Trace).WithTags("Tracing").RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Name the partners whose copy a leaked text is, with a bound ε on naming anyone innocent")
            .WithDescription("Send JSON {\"artifactId\", \"leaked\", \"epsilon\"}, or the leaked text itself as the body "
                + "(text/plain) with ?artifact=&epsilon=. Without an artifact, the one the leak reads the most marks of is found.")
            .Accepts<TraceRequest>("application/json", "text/plain")
            .Produces<TraceDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<TraceDto>> Trace(HttpRequest request, string? artifact, string? advisory, string? epsilon,
        ClaimsPrincipal user, TraceService tracing, CancellationToken ct)
    {
        var fromQuery = new TraceRequest(artifact, null, Epsilon(epsilon), advisory);
        TraceRequest question;
        if (request.HasJsonContentType())
        {
            var body = await request.ReadFromJsonAsync<TraceRequest>(ct);
            question = new TraceRequest(body?.ArtifactId ?? fromQuery.ArtifactId, body?.Leaked, body?.Epsilon ?? fromQuery.Epsilon,
                body?.Advisory ?? fromQuery.Advisory);
        }
        else
        {
            // Anything that is not JSON is the leaked text itself (curl --data-binary sends a form type by default).
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            question = fromQuery with { Leaked = await reader.ReadToEndAsync(ct) };
        }
        return TypedResults.Ok(await tracing.TraceAsync(question, Actor.Of(user), ct));
    }

    private static double? Epsilon(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) ? e
        : throw new DomainException("invalid-epsilon", $"epsilon is '{text}', which is not a number; give one strictly between 0 and 1, for example 1e-6.");
}
