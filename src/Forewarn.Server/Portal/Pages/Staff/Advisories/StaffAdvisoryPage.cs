using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Portal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// What every staff advisory page shares: staff:read to see it (anyone else gets 404, as for an
/// unknown page), staff:write to post any of its forms (checked per handler, since Razor Pages
/// authorizes a page, not a handler; refused alike with 404), and the actor of its changes.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalStaffRead)]
public abstract class StaffAdvisoryPage(IAuthorizationService authorization) : PageModel
{
    /// <summary>Whether the signed-in person may change things: the pages offer their forms only then.</summary>
    public bool CanWrite { get; private set; }

    /// <summary>The person as the changes they make name them (user id, never e-mail).</summary>
    protected Actor Actor => PortalPrincipal.ActorOf(User);

    /// <summary>Sets <see cref="CanWrite"/>; false means the handler must answer 404.</summary>
    protected async Task<bool> MayWriteAsync()
    {
        CanWrite = (await authorization.AuthorizeAsync(User, AccessPolicies.PortalStaffWrite)).Succeeded;
        return CanWrite;
    }

    /// <summary>
    /// Puts a service's refusal on the page: beside the field it concerns when <paramref name="fieldOf"/>
    /// names one, else in the summary. An unknown advisory or wave is the page's 404, never a message
    /// (handlers let <see cref="NotFoundException"/> through to <see cref="Missing"/>).
    /// </summary>
    protected void Refused(DomainException e, Func<DomainException, string?>? fieldOf = null) =>
        ModelState.AddModelError(fieldOf?.Invoke(e) ?? string.Empty, e.Message);

    /// <summary>An unknown advisory, artifact or wave: the same 404 as a page that does not exist.</summary>
    protected static bool Missing(DomainException e) => e.Category == ErrorCategory.NotFound;

    public static string Show(DateTimeOffset at) => Moments.Show(at);

    public static string Show(DateTimeOffset? at) => at is { } t ? Moments.Show(t) : "—";
}
