using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Auth;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Partners;

/// <summary>
/// A partner admin's webhook endpoints (<c>/api/v1/me/webhooks</c>, the same <see cref="WebhookService"/>):
/// add one, rotate its secret, stop it, and the recent deliveries. A new secret is shown once, on
/// the answer to the form that made it, and never again.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalPartnerWebhooks)]
public sealed class WebhooksModel(WebhookService webhooks, TimeProvider clock) : PageModel
{
    /// <summary>How many recent deliveries the page lists.</summary>
    public const int RecentDeliveries = 20;

    public PortalTime Time { get; private set; } = null!;
    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];
    /// <summary>The secret just made (shown once) and for which endpoint.</summary>
    public (Guid Endpoint, string Secret)? NewSecret { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public AddForm Add { get; set; } = new();

    public sealed class AddForm
    {
        [Required(ErrorMessage = "Enter the HTTPS address of your receiver.")]
        [Display(Name = "Receiver URL (https)")]
        public string? Url { get; set; }

        [Display(Name = "Events")]
        public List<string> Events { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var (endpoint, secret) = await webhooks.RegisterAsync(User.PartnerId(),
                    new NewWebhookEndpoint(Add.Url, Add.Events.Count == 0 ? null : Add.Events, null), PortalPrincipal.ActorOf(User), ct);
                NewSecret = (endpoint.Id, secret.ToString());
                Done = $"Added {endpoint.Url}.";
                Add = new();
                ModelState.Clear();
            }
            catch (DomainException e) when (e.Code == "invalid-webhook-url")
            {
                ModelState.AddModelError("Add.Url", e.Message);
            }
            catch (DomainException e) when (e.Code == "unknown-webhook-event")
            {
                ModelState.AddModelError("Add.Events", e.Message);
            }
            catch (DomainException e) when (e.Category != ErrorCategory.NotFound)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid endpoint, CancellationToken ct)
    {
        try
        {
            var (rotated, secret) = await webhooks.RotateAsync(User.PartnerId(), endpoint, null, PortalPrincipal.ActorOf(User), ct);
            NewSecret = (rotated.Id, secret.ToString());
            Done = $"A new secret for {rotated.Url}; the old one stays valid for 24 hours.";
        }
        catch (DomainException e) when (e.Category == ErrorCategory.NotFound)
        {
            return NotFound();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        ModelState.Remove("Add.Url");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStopAsync(Guid endpoint, CancellationToken ct)
    {
        try
        {
            await webhooks.StopAsync(User.PartnerId(), endpoint, PortalPrincipal.ActorOf(User), ct);
        }
        catch (DomainException e) when (e.Category == ErrorCategory.NotFound)
        {
            return NotFound();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            ModelState.Remove("Add.Url");
            await LoadAsync(ct);
            return Page();
        }
        return Redirect("/portal/webhooks?done=stopped");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = PortalTime.Of(Request, clock.GetUtcNow());
        Endpoints = await webhooks.MineAsync(User.PartnerId(), ct);
        Deliveries = await webhooks.DeliveriesAsync(User.PartnerId(), RecentDeliveries, ct);
        Done ??= Request.Query["done"] == "stopped" ? "Stopped: nothing more is sent to that endpoint." : null;
    }
}
