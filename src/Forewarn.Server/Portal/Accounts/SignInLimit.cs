using System.Globalization;
using System.Threading.RateLimiting;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// The sign-in forms' rate limit: at most <see cref="PerMinute"/> form posts a minute from one
/// address (or /64), whatever the user name, on top of each account's lockout — so one address
/// cannot try a password against many accounts. Showing the form is never limited.
/// </summary>
public sealed class SignInLimit : IRateLimiterPolicy<string>
{
    public const string Policy = "portal-sign-in";
    public const int PerMinute = 10;
    private const string Code = "too-many-sign-ins";

    public static void Add(RateLimiterOptions o) => o.AddPolicy(Policy, new SignInLimit());

    public RateLimitPartition<string> GetPartition(HttpContext http) => HttpMethods.IsPost(http.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter("sign-in " + SourceAddress.PartitionOf(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        })
        : RateLimitPartition.GetNoLimiter("");

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        await Results.Problem(type: ProblemTypes.For(Code), title: ProblemTypes.TitleOf(Code), statusCode: StatusCodes.Status429TooManyRequests,
            detail: string.Create(CultureInfo.InvariantCulture,
                $"Too many sign-in attempts from this address: at most {PerMinute} a minute. Wait a minute and try again.")).ExecuteAsync(http);
    };
}
