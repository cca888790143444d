using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Webhooks;

public sealed record NewWebhookEndpoint(string? Url, IReadOnlyList<string>? Events, int? MaxConcurrency);

public sealed record SecretRotation(double? OverlapHours);

public sealed record WebhookEndpointDto(Guid Id, string Url, IReadOnlyList<string> Events, int MaxConcurrency, bool Enabled,
    DateTimeOffset CreatedAt, IReadOnlyList<DateTimeOffset?> SecretRetirements)
{
    public static WebhookEndpointDto From(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.Events, e.MaxConcurrency, e.Enabled, e.CreatedAt, [.. e.Secrets.Select(s => s.RetiresAt)]);
}

/// <summary>The endpoint and, this once, its secret: the partner verifies signatures with it.</summary>
public sealed record RegisteredWebhookEndpoint(WebhookEndpointDto Endpoint, string Secret);

public sealed record WebhookDeliveryDto(string Id, Guid EndpointId, Guid PartnerId, string EventType, string State, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatus, string? LastError)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) => new(d.Id, d.EndpointId, d.PartnerId.Value, d.EventType,
        d.State.ToString().ToLowerInvariant(), d.Attempts, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.LastStatus, d.LastError);
}

/// <summary>
/// Partners register where their webhooks go and rotate the signing secret; staff see
/// deliveries and send dead-lettered ones again.
/// </summary>
public static class WebhookEndpointsApi
{
    public static void MapWebhooks(this IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/me/webhooks").WithTags("Webhooks").RequireAuthorization(AccessPolicies.PartnerWebhooks);
        mine.MapGet("/", Mine).WithSummary("My webhook endpoints");
        mine.MapPost("/", Register).WithSummary("Register a webhook endpoint (HTTPS, or loopback http); the answer shows its secret once")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.Conflict);
        mine.MapPost("/{id:guid}/rotate", Rotate).WithSummary("A new signing secret; the old one stays live for the overlap (default 24 h)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.NotFound);
        mine.MapDelete("/{id:guid}", Disable).WithSummary("Stop sending to an endpoint").Refuses(ErrorCategory.NotFound);
        mine.MapGet("/deliveries", MyDeliveries).WithSummary("Recent deliveries to my endpoints, newest first");
        var staff = api.MapGroup("/webhooks").WithTags("Webhooks");
        staff.MapGet("/deliveries", Deliveries).RequireAuthorization(AccessPolicies.StaffRead)
            .WithSummary("Deliveries, newest first; filter by state (pending, delivered, dead) and partner");
        staff.MapPost("/deliveries/{id}/revive", Revive).RequireAuthorization(AccessPolicies.StaffWrite)
            .WithSummary("Send a dead-lettered delivery again, with the same webhook-id")
            .Refuses(ErrorCategory.NotFound, ErrorCategory.Conflict);
    }

    private static async Task<Ok<List<WebhookEndpointDto>>> Mine(ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Ok((await webhooks.MineAsync(user.PartnerId(), ct)).Select(WebhookEndpointDto.From).ToList());

    private static async Task<Created<RegisteredWebhookEndpoint>> Register(NewWebhookEndpoint body, ClaimsPrincipal user, WebhookService webhooks,
        CancellationToken ct)
    {
        var (endpoint, secret) = await webhooks.RegisterAsync(user.PartnerId(), body, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/me/webhooks/{endpoint.Id}",
            new RegisteredWebhookEndpoint(WebhookEndpointDto.From(endpoint), secret.ToString()));
    }

    private static async Task<Ok<RegisteredWebhookEndpoint>> Rotate(Guid id, SecretRotation? body, ClaimsPrincipal user, WebhookService webhooks,
        CancellationToken ct)
    {
        var (endpoint, secret) = await webhooks.RotateAsync(user.PartnerId(), id, body?.OverlapHours, Actor.Of(user), ct);
        return TypedResults.Ok(new RegisteredWebhookEndpoint(WebhookEndpointDto.From(endpoint), secret.ToString()));
    }

    private static async Task<NoContent> Disable(Guid id, ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct)
    {
        await webhooks.StopAsync(user.PartnerId(), id, Actor.Of(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<WebhookDeliveryDto>>> MyDeliveries(ClaimsPrincipal user, WebhookService webhooks, int? limit, CancellationToken ct) =>
        TypedResults.Ok((await webhooks.DeliveriesAsync(user.PartnerId(), PageLimit.Take(limit, byDefault: 200, max: 1000), ct)).Select(WebhookDeliveryDto.From).ToList());

    private static async Task<Ok<List<WebhookDeliveryDto>>> Deliveries(ForewarnDb db, string? state, Guid? partner, int? limit, CancellationToken ct)
    {
        IQueryable<WebhookDelivery> q = db.WebhookDeliveries;
        if (!string.IsNullOrWhiteSpace(state))
        {
            var s = Enum.TryParse<DeliveryState>(state, true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new DomainException("invalid-field", $"'{state}' is not a delivery state; use pending, delivered or dead.");
            q = q.Where(d => d.State == s);
        }
        if (partner is { } p) q = q.Where(d => d.PartnerId == new PartnerId(p));
        return TypedResults.Ok(await ListAsync(q, limit, ct));
    }

    private static async Task<Ok<WebhookDeliveryDto>> Revive(string id, WebhookService webhooks, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(WebhookDeliveryDto.From(await webhooks.ReviveAsync(id, Actor.Of(user), ct)));

    private static async Task<List<WebhookDeliveryDto>> ListAsync(IQueryable<WebhookDelivery> q, int? limit, CancellationToken ct)
    {
        var take = PageLimit.Take(limit, byDefault: 200, max: 1000);
        var rows = await q.AsNoTracking().OrderByDescending(d => d.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(WebhookDeliveryDto.From)];
    }
}
