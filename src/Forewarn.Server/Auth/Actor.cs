using System.Security.Claims;

namespace Forewarn.Server.Auth;

/// <summary>
/// Who makes a change, as histories and log entries name them: a person or machine behind an API
/// key (display name with the key's prefix, and the key's id), or the server's own jobs.
/// Application services take an actor, not a request, so the API, the portal and jobs share them.
/// </summary>
public sealed record Actor(string Name, Guid? KeyId)
{
    /// <summary>The server's own jobs (waves, releases).</summary>
    public static readonly Actor Scheduler = new("scheduler", null);

    /// <summary>The caller of a request authenticated by an API key.</summary>
    public static Actor Of(ClaimsPrincipal user) => new(user.Actor(), user.KeyId());
}
