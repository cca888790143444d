using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Approvals;

/// <summary>What the four-eyes tests do again and again: propose, decide, and look.</summary>
internal static class Proposals
{
    /// <summary>Sends a request that must become a proposal: 202, Location at the proposal, the proposal in the body.</summary>
    public static async Task<JsonNode> ProposeAsync(HttpClient staff, string url, object body)
    {
        var response = await staff.PostAsJsonAsync(url, body);
        var proposal = await response.Json(HttpStatusCode.Accepted);
        Assert.Equal($"/api/v1/approvals/{proposal["id"]}", response.Headers.Location?.OriginalString);
        Assert.Equal("pending", (string?)proposal["state"]);
        return proposal;
    }

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient staff, JsonNode proposal) =>
        staff.PostAsJsonAsync($"/api/v1/approvals/{proposal["id"]}/approve", new { });

    public static Task<HttpResponseMessage> RejectAsync(HttpClient staff, JsonNode proposal, string reason) =>
        staff.PostAsJsonAsync($"/api/v1/approvals/{proposal["id"]}/reject", new { reason });

    /// <summary>Another key of the demo's first staff member, made in the store: the same pair of eyes.</summary>
    public static async Task<HttpClient> FirstMembersOtherKeyAsync(ForewarnFactory f)
    {
        var token = await f.InStoreAsync(async db =>
        {
            var first = db.ApiKeys.AsEnumerable().First(k => k.Name == "Demo staff");
            var (key, token) = ApiKey.Issue(KeyOwner.Staff, null, "Demo staff laptop", null, ForewarnFactory.Start.AddDays(30),
                ForewarnFactory.Start, "test", first.MemberId);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            return token;
        });
        return f.WithKey(token);
    }

    public static async Task<string> PartnerStatusAsync(HttpClient staff, Guid partner) =>
        (string)(await staff.GetJson($"/api/v1/partners/{partner}"))["status"]!;

    public static StaffMemberId Member(JsonNode proposal) => new(Guid.Parse((string)proposal["proposedByMember"]!));
}
