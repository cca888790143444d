using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Accounts;
using Forewarn.Domain.Common;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Portal.Accounts.OpenPgp;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Account;

/// <summary>
/// The signed-in person's mail settings: their OpenPGP public key (pasted or uploaded; shown by
/// fingerprint and expiry; removable) and, for a partner's users, whether advisory notices come by
/// mail. Every change goes through <see cref="MailSettings"/>, which checks the key and logs the change.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class MailModel(UserManager<PortalUser> users, MailSettings settings) : PageModel
{
    public KeyForm NewKey { get; set; } = new();

    [Display(Name = "Mail me advisory notices")]
    public bool Notices { get; set; }

    public PortalUser Me { get; private set; } = null!;
    public StoredKey? MyKey { get; private set; }

    /// <summary>Whether advisory notices are this person's to turn on or off (a partner's users; staff get none).</summary>
    public bool GetsNotices => !Me.Role.IsStaff();

    /// <summary>What the last form did, and what to know about a key just saved.</summary>
    public string? Done { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public sealed class KeyForm
    {
        [Display(Name = "Your OpenPGP public key")]
        public string? Text { get; set; }

        [Display(Name = "Or choose the key's file")]
        public IFormFile? File { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Redirect("/portal/sign-in");

    public async Task<IActionResult> OnPostKeyAsync(CancellationToken ct)
    {
        if (!await LoadAsync()) return Redirect("/portal/sign-in");
        await TryUpdateModelAsync(NewKey, nameof(NewKey));
        ModelState.Clear();
        try
        {
            var key = await settings.SetKeyAsync(Me.Id, await TextOfAsync(NewKey, ct), PortalPrincipal.ActorOf(User), ct);
            Done = $"Your key {Fingerprints.Grouped(key.Fingerprint)} is saved. Mail that carries embargoed text is encrypted to it.";
            Warnings = key.Warnings;
            NewKey = new();
        }
        catch (DomainException e) when (e.Code.StartsWith("openpgp-key-", StringComparison.Ordinal))
        {
            ModelState.AddModelError($"{nameof(NewKey)}.{nameof(KeyForm.Text)}", e.Message);
            // A secret key is not written back into the page: it should not travel again, nor stay in the browser's form.
            if (e.Code == RecipientKeyProblems.Secret) NewKey = new();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveKeyAsync(CancellationToken ct)
    {
        if (!await LoadAsync()) return Redirect("/portal/sign-in");
        Done = await settings.RemoveKeyAsync(Me.Id, PortalPrincipal.ActorOf(User), ct)
            ? "Your key is removed. Your notices come without embargoed text from now on."
            : "You had no key to remove.";
        await LoadAsync();
        return Page();
    }

    /// <summary>The checkbox posts "true" and the hidden "false" when ticked, only "false" when not: the first value counts.</summary>
    public async Task<IActionResult> OnPostAdvisoryMailAsync([FromForm(Name = nameof(Notices))] bool notices, CancellationToken ct)
    {
        if (!await LoadAsync()) return Redirect("/portal/sign-in");
        if (!GetsNotices) return NotFound();
        Notices = notices;
        var changed = await settings.SetAdvisoryMailAsync(Me.Id, Notices, PortalPrincipal.ActorOf(User), ct);
        Done = (changed, Notices) switch
        {
            (true, true) => "Advisory notices will be mailed to you.",
            (true, false) => "Advisory notices will no longer be mailed to you. They stay in your inbox.",
            _ => "Nothing changed.",
        };
        await LoadAsync();
        return Page();
    }

    /// <summary>The uploaded file's text when one is chosen, else the pasted text; at most one character past the limit is read.</summary>
    private static async Task<string?> TextOfAsync(KeyForm form, CancellationToken ct)
    {
        if (form.File is not { Length: > 0 } file) return form.Text;
        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        var buffer = new char[RecipientKeyProblems.MaxLength + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return new string(buffer, 0, read);
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.FindByIdAsync(PortalPrincipal.UserOf(User).ToString()) is not { } me) return false;
        Me = me;
        MyKey = settings.Shown(me);
        Notices = !me.AdvisoryMailOff;
        return true;
    }
}
