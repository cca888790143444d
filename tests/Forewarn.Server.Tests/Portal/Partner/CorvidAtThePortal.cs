using System.Text.Json.Nodes;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Partner;

/// <summary>Corvid's partner user signed in to the portal, and what the API shows Corvid's key.</summary>
internal static class CorvidAtThePortal
{
    public static async Task<PortalVisitor> SignInAsync(ForewarnFactory f)
    {
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(f);
        Assert.Equal("/portal", await visitor.PasswordAsync(corvid.Email, corvid.Password));
        return visitor;
    }

    /// <summary>How log entries and histories name Corvid's user: by id.</summary>
    public static async Task<string> UserNameAsync(ForewarnFactory f)
    {
        var email = f.Credentials.Portal!.Single(p => p.Role == "partner-user").Email;
        var id = await f.InStoreAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return PortalPrincipal.NameOf(id);
    }

    public static string Email(ForewarnFactory f) => f.Credentials.Portal!.Single(p => p.Role == "partner-user").Email;

    /// <summary>Corvid's advisories as its key sees them.</summary>
    public static async Task<JsonArray> ApiAsync(ForewarnFactory f) => (await f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/advisories")).AsArray();

    /// <summary>An advisory of Corvid's with an open description (a marked text), and that artifact's id.</summary>
    public static async Task<(string Advisory, string Artifact)> OpenDescriptionAsync(ForewarnFactory f)
    {
        foreach (var advisory in await ApiAsync(f))
            foreach (var artifact in advisory!["artifacts"]!.AsArray())
                if ((bool)artifact!["open"]! && (string?)artifact["class"] == "description")
                    return ((string)advisory["id"]!, (string)artifact["id"]!);
        throw new InvalidOperationException("The demo opens no description to Corvid.");
    }
}
