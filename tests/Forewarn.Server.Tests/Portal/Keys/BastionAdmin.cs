using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Keys;

/// <summary>Bastion's partner admin at the keys page, and what the store and the log say about Bastion's keys.</summary>
internal static class BastionAdmin
{
    public static async Task<PortalVisitor> SignInAsync(ForewarnFactory f)
    {
        var admin = f.Credentials.Portal!.Single(p => p.Role == "partner-admin");
        var visitor = new PortalVisitor(f);
        await visitor.PasswordAsync(admin.Email, admin.Password);
        var (r, _) = await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(admin.TotpSecret!)));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return visitor;
    }

    /// <summary>How log entries and keys name Bastion's admin: by id, never by e-mail.</summary>
    public static async Task<string> UserNameAsync(ForewarnFactory f)
    {
        var email = f.Credentials.Portal!.Single(p => p.Role == "partner-admin").Email;
        var id = await f.InStoreAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return PortalPrincipal.NameOf(id);
    }

    public static Task<int> KeyCountAsync(ForewarnFactory f) => f.InStoreAsync(db => db.ApiKeys.CountAsync());

    /// <summary>The log entries of <paramref name="kind"/> about Bastion.</summary>
    public static async Task<JsonArray> EntriesAsync(ForewarnFactory f, string kind) =>
        (await f.Staff().GetJson($"/api/v1/log/entries?kind={kind}&partner={f.PartnerInfo(DemoFacts.Trusted).Id}"))["entries"]!.AsArray();

    public static HttpClient WithToken(ForewarnFactory f, string token)
    {
        var client = f.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
