using System.Security.Claims;
using System.Text.Json.Nodes;
using Forewarn.Domain.Keys;
using Forewarn.Server.Auth;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The inbound collection ("give to get"): partners add STIX sightings of the objects open to
/// them; nobody reads it over TAXII (staff see what came back through the API). Its id is fixed
/// like the read collection's.
/// </summary>
public static class SightingsCollection
{
    public const string Id = "5f2c9e47-1b8a-4d3e-a6f0-7c91d2b4e835";
    public const string Alias = "sightings";

    public static JsonObject Describe(ClaimsPrincipal user) => new()
    {
        ["id"] = Id,
        ["title"] = "Sightings (inbound)",
        ["description"] = "Add STIX 2.1 sightings of the objects open to your organisation: tell the programme what you saw, where and how often. Write-only.",
        ["alias"] = Alias,
        ["can_read"] = false,
        ["can_write"] = CanWrite(user),
        ["media_types"] = new JsonArray(TaxiiMedia.Stix),
    };

    /// <summary>Partner keys with partner:sightings; staff keys send nothing here.</summary>
    public static bool CanWrite(ClaimsPrincipal user) =>
        TaxiiAccess.IsPartner(user) && user.HasClaim(Caller.ScopeClaim, KeyScopes.PartnerSightings);

    public static bool Is(string id) =>
        string.Equals(id, Id, StringComparison.OrdinalIgnoreCase) || string.Equals(id, Alias, StringComparison.OrdinalIgnoreCase);
}
