using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Forewarn.Server.Portal.Accounts;

/// <summary>
/// An authenticator app's enrolment: the user's key (Identity keeps it, base32, in the user's
/// tokens), the <c>otpauth://</c> address an app scans, and that address as a QR code in PNG —
/// shown as a <c>data:</c> image, so the page needs no script.
/// </summary>
public sealed class AuthenticatorEnrolment(UserManager<PortalUser> users)
{
    public const string Issuer = "Forewarn";

    public sealed record Shown(string Key, string Uri, string QrPng);

    public async Task<Shown> ShowAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity made no authenticator key.");
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.Id.ToString())}" +
                  $"?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new Shown(Grouped(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Whether <paramref name="code"/> is the app's current code; turns the second factor on and makes ten recovery codes when it is.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(PortalUser user, string code)
    {
        var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits)) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
    }

    // Groups of four, as apps show and people type them.
    private static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4))));
}
