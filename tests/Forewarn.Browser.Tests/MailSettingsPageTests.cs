using Forewarn.Server.Tests.Portal.Account.OpenPgp;
using Microsoft.Playwright;

namespace Forewarn.Browser.Tests;

/// <summary>
/// Corvid's user in Chromium on the mail settings page: a refused key said beside the field, a key
/// GnuPG made pasted and shown by fingerprint, advisory notices turned off — accessible (axe) and
/// readable at 375 px at every step, with no Content-Security-Policy violation.
/// </summary>
public sealed class MailSettingsPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Corvid_gives_an_openpgp_key_and_turns_advisory_notices_off()
    {
        var corvid = fixture.Server.Credentials.Portal!.Single(p => p.Role == "partner-user");
        using var keys = new GnuPgKeyring();
        var fingerprint = keys.Key("Corvid analyst", corvid.Email, "ed25519", "cv25519", "1y", "1y");

        var page = await fixture.Browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) blocked.Add(m.Text); };
        await page.GotoAsync(fixture.BaseUrl + "/portal/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(corvid.Email);
        await page.GetByLabel("Password").FillAsync(corvid.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/portal");

        await page.GotoAsync(fixture.BaseUrl + "/portal/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your mail settings" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/account/mail");
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        await page.GetByLabel("Your OpenPGP public key").FillAsync("not a key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save key" }).ClickAsync();
        await page.Locator("#key-error").WaitForAsync();
        Assert.StartsWith("This is not an ASCII-armored OpenPGP public key", await page.Locator("#key-error").InnerTextAsync(), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("Your OpenPGP public key").FillAsync(keys.Export(fingerprint));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save key" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        Assert.Equal(string.Join(' ', fingerprint.Chunk(4).Select(c => new string(c))), await page.Locator("#openpgp-fingerprint").InnerTextAsync());
        await Axe.AssertAccessibleAsync(page);
        await Axe.AssertFitsAPhoneAsync(page);

        var notices = page.GetByLabel("Mail me advisory notices");
        Assert.True(await notices.IsCheckedAsync());
        await notices.UncheckAsync();
        await page.Locator("form:has(#Notices) button").ClickAsync();
        await page.GetByText("Advisory notices will no longer be mailed to you.").WaitForAsync();
        Assert.False(await page.GetByLabel("Mail me advisory notices").IsCheckedAsync());
        await Axe.AssertAccessibleAsync(page);
        Assert.Empty(blocked);
        await page.CloseAsync();
    }
}
