using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Server.Auth;
using Forewarn.Server.Keys;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Portal.Pages.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Partners;

/// <summary>
/// A partner admin's own API keys (<c>/api/v1/me/keys</c>, the same <see cref="PartnerKeys"/>):
/// the list, issuing one (its token shown on that answer only) and revoking one at once.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalPartnerAdmin)]
public sealed class KeysModel(PartnerKeys keys, TimeProvider clock) : PageModel
{
    /// <summary>What each scope a partner admin may grant lets a key do, as the form says it.</summary>
    public static IReadOnlyDictionary<string, string> ScopeLabels { get; } = new Dictionary<string, string>
    {
        [KeyScopes.PartnerRead] = "read advisories and download your copies",
        [KeyScopes.PartnerAcknowledge] = "acknowledge advisories and appeal decisions",
        [KeyScopes.PartnerSightings] = "report sightings and detection feedback",
    };

    /// <summary>Which field a refusal from the service belongs beside.</summary>
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["key name"] = "Issue.Name",
        ["invalid-scope"] = "Issue.Scopes",
        ["scope-not-grantable"] = "Issue.Scopes",
        ["invalid-key"] = "Issue.ExpiresOn",
    };

    public PortalTime Time { get; private set; } = null!;
    public IReadOnlyList<PartnerKeyView> Keys { get; private set; } = [];
    public IReadOnlyList<string> Grantable { get; private set; } = [];
    /// <summary>The key just issued and its token, shown on this answer only.</summary>
    public (ApiKey Key, string Token)? Issued { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public IssueForm Issue { get; set; } = new();

    public sealed class IssueForm
    {
        [Required(ErrorMessage = "Name the key: what or who will use it.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Scopes")]
        public List<string> Scopes { get; set; } = [];

        [Display(Name = "Expires on (UTC, optional)")]
        public DateOnly? ExpiresOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var expires = Issue.ExpiresOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
                var (key, token) = await keys.IssueAsync(User.PartnerId(), MyKeyEndpoints.Held(User),
                    new NewOwnKey(Issue.Name, Issue.Scopes, expires), PortalPrincipal.ActorOf(User), ct);
                Issued = (key, token);
                Done = $"Issued the key {key.Name} (prefix {key.Prefix}).";
                Issue = new();
                ModelState.Clear();
            }
            catch (DomainException e)
            {
                FormErrors.Show(ModelState, e, Fields);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid key, CancellationToken ct)
    {
        try
        {
            await keys.RevokeAsync(User.PartnerId(), key, PortalPrincipal.ActorOf(User), ct);
        }
        catch (DomainException e) when (e.Category == ErrorCategory.NotFound)
        {
            return NotFound();
        }
        catch (DomainException e)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, e.Message);
            await LoadAsync(ct);
            return Page();
        }
        return Redirect("/portal/keys?done=revoked");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        Keys = await keys.MineAsync(User.PartnerId(), ct);
        Grantable = PartnerKeyGrant.Grantable(MyKeyEndpoints.Held(User));
        Done ??= Request.Query["done"] == "revoked" ? "Revoked: the key is refused from now on." : null;
    }
}
