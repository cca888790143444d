using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Hardening.Fuzzing;

/// <summary>
/// Real values for path parameters, so a malformed body gets past "no such advisory" to the rules
/// it is meant to test. Nothing the fuzzing runs on is named here: the partner whose key is used,
/// the staff key itself and the programme keys are never the target of a write.
/// </summary>
public sealed class KnownValues(IReadOnlyDictionary<string, string> byPlace)
{
    /// <summary>The value for <paramref name="parameter"/> of <paramref name="op"/>, by the path segment before it.</summary>
    public string? Of(ApiOperation op, string parameter)
    {
        var segments = op.Path.Split('/');
        var at = Array.FindIndex(segments, s => s.StartsWith("{" + parameter, StringComparison.Ordinal));
        var place = at > 0 ? segments[at - 1] : "";
        var outer = at > 1 ? segments[at - 2] + "/" : "";
        return byPlace.GetValueOrDefault($"{outer}{place}/{parameter}") ?? byPlace.GetValueOrDefault($"{place}/{parameter}") ?? byPlace.GetValueOrDefault(parameter);
    }

    public static async Task<KnownValues> ForAsync(ForewarnFactory f)
    {
        var staff = f.Staff();
        var partner = f.Partner(DemoFacts.Trusted);
        var replay = DemoFacts.Replay;
        var artifact = await DemoFacts.ArtifactId(staff, replay, "description");
        var key = await staff.PostJson("/api/v1/keys", new { owner = "staff", name = "fuzz target", scopes = new[] { "staff:read" } }, HttpStatusCode.Created);
        // One of the fuzzing partner's own keys (not the one it calls with), for /me/keys/{id}.
        var ownKey = await partner.PostJson("/api/v1/me/keys", new { name = "fuzz target", scopes = new[] { "partner:read" } }, HttpStatusCode.Created);
        var hook = await partner.PostJson("/api/v1/me/webhooks", new { url = "https://hooks.example/fuzz", events = new[] { "wave.published" } }, HttpStatusCode.Created);
        var jurisdiction = (string)(await staff.GetJson("/api/v1/jurisdictions")).AsArray()[0]!["code"]!;
        var invitation = await staff.PostJson("/api/v1/invitations", new { email = "fuzz@fuzz.example", role = "staff-analyst" }, HttpStatusCode.Created);
        var portalUser = (await staff.GetJson("/api/v1/portal-users")).AsArray().First(u => (string)u!["role"]! == "partner-user")!;
        // A case with a note and a warning to the partner whose key is used (a warning changes nothing it may do).
        var opened = await staff.PostJson("/api/v1/cases", new { advisory = replay, title = "Fuzzing" }, HttpStatusCode.Created);
        var caseReference = (string)opened["reference"]!;
        await staff.PostJson($"/api/v1/cases/{caseReference}/evidence", new { kind = "note", text = "fuzz" }, HttpStatusCode.Created);
        var warning = await staff.PostJson($"/api/v1/cases/{caseReference}/decisions",
            new { partner = f.PartnerInfo(DemoFacts.Trusted).Id, kind = "warning", reason = "fuzz" }, HttpStatusCode.Created);
        return new KnownValues(new Dictionary<string, string>
        {
            ["advisories/id"] = DemoFacts.EmbargoReference(f),
            ["partners/id"] = f.PartnerInfo(DemoFacts.Validate).Id.ToString(),
            ["tiers/name"] = "Entry",
            ["jurisdictions/code"] = jurisdiction,
            ["keys/id"] = (string)key["key"]!["id"]!,
            ["me/keys/id"] = (string)ownKey["key"]!["id"]!,
            ["webhooks/id"] = (string)hook["endpoint"]!["id"]!,
            ["artifacts/id"] = artifact,
            ["waves/number"] = "1",
            ["entries/index"] = "0",
            ["collections/id"] = Forewarn.Server.Taxii.TaxiiCollection.Id,
            ["cases/id"] = caseReference,
            ["evidence/number"] = "1",
            ["decisions/number"] = "1",
            ["decisions/id"] = (string)warning["id"]!,
            ["invitations/id"] = (string)invitation["id"]!,
            ["portal-users/id"] = (string)portalUser["id"]!,
            ["id"] = replay,
        });
    }
}
