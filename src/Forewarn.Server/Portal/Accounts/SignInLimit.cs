using System.Threading.RateLimiting;
using Forewarn.Server.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// The sign-in forms' rate limit: at most <see cref="PerMinute"/> form posts a minute from one
/// address (or /64), whatever the user name, on top of each account's lockout — so one address
/// cannot try a password against many accounts. Showing the form is never limited.
/// </summary>
public static class SignInLimit
{
    public const string Policy = "portal-sign-in";
    public const int PerMinute = 10;

    public static void Add(RateLimiterOptions o) =>
        o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter("sign-in " + SourceAddress.PartitionOf(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = PerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));
}
