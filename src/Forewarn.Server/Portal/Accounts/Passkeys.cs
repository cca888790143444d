using System.Text.Json;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>A passkey as the account page lists it: its id (base64url), the name its owner gave it, when it was added.</summary>
public sealed record PasskeyShown(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>
/// A user's passkeys (WebAuthn credentials) through Identity's own passkey support: the options
/// the browser is given, the checks of what it answers (Identity's passkey handler: challenge,
/// origin, relying party, signature), and the store's passkey table. Identity keeps the
/// ceremony's state in its short-lived two-factor cookie between the two requests.
/// </summary>
public sealed class Passkeys(SignInManager<PortalUser> manager, UserManager<PortalUser> users)
{
    public const int NameLength = 60;

    /// <summary>The creation options (WebAuthn JSON) for a new passkey of <paramref name="user"/>.</summary>
    public Task<string> CreationOptionsAsync(PortalUser user) =>
        manager.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.Id.ToString(),
            DisplayName = user.DisplayName,
        });

    /// <summary>
    /// Checks the browser's answer to <see cref="CreationOptionsAsync"/> and keeps the passkey
    /// under <paramref name="name"/>. Returns the sentence that says why not, or null when added.
    /// </summary>
    public async Task<string?> AddAsync(PortalUser user, string? credentialJson, string name)
    {
        if (string.IsNullOrWhiteSpace(credentialJson))
            return "The browser sent no passkey. Passkeys need a browser that supports them, with script allowed for this page.";
        PasskeyAttestationResult made;
        try
        {
            made = await manager.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException or ArgumentException)
        {
            // No ceremony under way (its cookie expired or was never set), or an answer that is not one.
            return "That passkey answer is not for this page, or came too late. Try again.";
        }
        if (!made.Succeeded) return "The passkey could not be checked: " + made.Failure.Message;
        if (made.UserEntity.Id != user.Id.ToString()) return "That passkey was made for another account.";
        made.Passkey.Name = name.Trim();
        var saved = await users.AddOrUpdatePasskeyAsync(user, made.Passkey);
        return saved.Succeeded ? null : string.Join(" ", saved.Errors.Select(e => e.Description));
    }

    public async Task<IReadOnlyList<PasskeyShown>> ListAsync(PortalUser user) =>
        [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyShown(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "(unnamed)", p.CreatedAt))];

    /// <summary>Removes the passkey with <paramref name="id"/> (base64url); false when the user has none by that id.</summary>
    public async Task<bool> RemoveAsync(PortalUser user, string? id)
    {
        byte[] credential;
        try
        {
            credential = WebEncoders.Base64UrlDecode(id ?? "");
        }
        catch (FormatException)
        {
            return false;
        }
        if (credential.Length == 0 || await users.GetPasskeyAsync(user, credential) is null) return false;
        return (await users.RemovePasskeyAsync(user, credential)).Succeeded;
    }
}
