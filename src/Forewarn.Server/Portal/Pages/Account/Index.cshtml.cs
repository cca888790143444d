using System.ComponentModel.DataAnnotations;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Account;

/// <summary>
/// The signed-in person's own account: password, second factor and recovery codes, passkeys.
/// Each form is its own handler and binds only its own fields, so one form's problems never
/// block another's.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class IndexModel(UserManager<PortalUser> users, OwnAccount account, Passkeys passkeys) : PageModel
{
    public PasswordForm Password { get; set; } = new();
    public PasskeyForm NewPasskey { get; set; } = new();

    public PortalUser Me { get; private set; } = null!;
    public IReadOnlyList<PasskeyShown> MyPasskeys { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Set after new recovery codes are made: shown on this answer only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>What the last form did, said at the top of the page.</summary>
    public string? Done { get; private set; }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(New), ErrorMessage = "The two new passwords differ.")]
        [Display(Name = "New password, again")]
        public string Again { get; set; } = "";
    }

    public sealed class PasskeyForm
    {
        [Required(ErrorMessage = "Name the passkey, so that you can tell it from others (e.g. 'work laptop').")]
        [StringLength(Passkeys.NameLength, ErrorMessage = "A passkey's name has at most 60 characters.")]
        [Display(Name = "Name of the new passkey")]
        public string Name { get; set; } = "";

        /// <summary>The browser's answer (WebAuthn JSON), filled in by the passkey script.</summary>
        public string? Credential { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Redirect("/portal/sign-in");

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!await LoadAsync()) return Redirect("/portal/sign-in");
        if (!await TryUpdateModelAsync(Password, nameof(Password))) return Page();
        foreach (var (field, problem) in await account.ChangePasswordAsync(Me, Password.Current, Password.New))
            ModelState.AddModelError($"{nameof(Password)}.{field}", problem);
        if (!ModelState.IsValid) return Page();
        Password = new();
        Done = "Your password is changed. Your other sessions are signed out.";
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (!await LoadAsync()) return Redirect("/portal/sign-in");
        RecoveryCodes = await account.NewRecoveryCodesAsync(Me);
        if (RecoveryCodes is null) ModelState.AddModelError(string.Empty, "Set up an authenticator app first: recovery codes stand in for it.");
        await LoadAsync();
        return Page();
    }

    /// <summary>Fetched by the passkey script: the creation options for a new passkey of this user.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (!await LoadAsync()) return NotFound();
        // The name is checked before the authenticator is asked, so no passkey is made that would not be kept.
        if (!await TryUpdateModelAsync(NewPasskey, nameof(NewPasskey)))
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8",
                Content = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "Name the passkey.",
            };
        return Content(await passkeys.CreationOptionsAsync(Me), "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        if (!await LoadAsync()) return Redirect("/portal/sign-in");
        if (!await TryUpdateModelAsync(NewPasskey, nameof(NewPasskey))) return Page();
        if (await passkeys.AddAsync(Me, NewPasskey.Credential, NewPasskey.Name) is { } problem)
        {
            ModelState.AddModelError($"{nameof(NewPasskey)}.{nameof(PasskeyForm.Name)}", problem);
            return Page();
        }
        Done = $"Passkey '{NewPasskey.Name.Trim()}' added. You can now sign in with it.";
        NewPasskey = new();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? id)
    {
        if (!await LoadAsync()) return Redirect("/portal/sign-in");
        if (!await passkeys.RemoveAsync(Me, id)) return NotFound();
        Done = "Passkey removed.";
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.FindByIdAsync(PortalPrincipal.UserOf(User).ToString()) is not { } me) return false;
        Me = me;
        MyPasskeys = await passkeys.ListAsync(me);
        RecoveryCodesLeft = me.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(me) : 0;
        return true;
    }
}
