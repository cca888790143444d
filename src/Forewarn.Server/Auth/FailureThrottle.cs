using System.Globalization;
using System.Threading.RateLimiting;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Auth;

/// <summary>
/// ASP.NET Core's rate limiter, spent on failed authentication only. It runs after
/// authentication (see <c>ServerHost</c>), so its partitioner sees each request's
/// outcome: a request whose key was accepted, or that sent none, gets no limiter — it is never
/// counted and never refused, whatever else came from its address. A request whose credentials
/// were refused takes a permit from a fixed window for its source address (IPv6 by /64) and one
/// for the key prefix it named (from any address); when either is spent it is answered 429 with
/// <c>Retry-After</c> instead of 401. The endpoint rate-limiting policies could not do this on
/// their own: they count every request before the endpoint runs, right or wrong key alike.
/// </summary>
public static class FailureThrottle
{
    public const string Code = "too-many-failures";

    public static IServiceCollection AddFailureThrottle(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            var window = TimeSpan.FromSeconds(auth.Value.WindowSeconds);
            // Address first: once an address is over, its failures stop before they make a partition per made-up prefix.
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => AuthenticationFailure.Of(http) is null
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter("address " + SourceAddress.PartitionOf(http.Connection.RemoteIpAddress),
                        _ => Window(auth.Value.FailuresPerAddress, window))),
                PartitionedRateLimiter.Create<HttpContext, string>(http => AuthenticationFailure.Of(http) is { Prefix: { } prefix }
                    ? RateLimitPartition.GetFixedWindowLimiter("key " + prefix, _ => Window(auth.Value.FailuresPerKey, window))
                    : RateLimitPartition.GetNoLimiter("")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => RefuseAsync(context, window);
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int failures, TimeSpan window) => new()
    {
        PermitLimit = failures,
        Window = window,
        QueueLimit = 0, // a failure over the limit is refused at once, never held
        AutoReplenishment = true,
    };

    private static async ValueTask RefuseAsync(OnRejectedContext context, TimeSpan window)
    {
        var http = context.HttpContext;
        // A fixed window's refusal says the whole window (it does not know how much of it is left): a safe upper bound.
        var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : window;
        var seconds = (long)Math.Ceiling(after.TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            type: ProblemTypes.For(Code),
            title: ProblemTypes.TitleOf(Code),
            detail: $"Too many failed authentications from this address or with this key prefix: failures are refused for up to {seconds} s. A correct key is still accepted.",
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds }).ExecuteAsync(http);
    }
}
