using System.Security.Claims;
using System.Text.Json.Nodes;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The read collection: the intelligence the caller is entitled to now. Its id is fixed, so a
/// TAXII client configured once keeps working; what it holds depends on who asks and when.
/// </summary>
public static class TaxiiCollection
{
    public const string Id = "0b3d4a8e-6f7c-4e0e-9d3a-5c2b1f4e7a61";
    public const string Alias = "entitled";

    public static JsonObject Describe(ClaimsPrincipal user) => new()
    {
        ["id"] = Id,
        ["title"] = "Entitled intelligence",
        ["description"] = TaxiiAccess.IsStaff(user)
            ? "Staff view: every object of every scheduled, not withdrawn advisory, whatever its waves — for support and checks; nothing here is recorded as a partner's access."
            : "STIX 2.1 objects of the advisories and artifacts open to your organisation now; objects appear as they open, dated by when they opened to you.",
        ["alias"] = Alias,
        ["can_read"] = true,
        ["can_write"] = false,
        ["media_types"] = new JsonArray(TaxiiMedia.Stix),
    };

    public static bool Is(string id) =>
        string.Equals(id, Id, StringComparison.OrdinalIgnoreCase) || string.Equals(id, Alias, StringComparison.OrdinalIgnoreCase);
}
