using System.ComponentModel.DataAnnotations;

namespace Forewarn.Server.Keys;

/// <summary>
/// Section <c>partnerKeys</c>: keys a partner's admin issues for its own organisation
/// (<see cref="PartnerKeys"/>). A cap on usable keys keeps a careless or compromised admin from
/// scattering credentials; the staff are not bound by it.
/// </summary>
public sealed class PartnerKeyOptions
{
    public const string Section = "partnerKeys";

    [Range(1, 10_000, ErrorMessage = "partnerKeys:maxActive (FOREWARN_PARTNERKEYS__MAXACTIVE) is how many usable keys (neither revoked nor expired) a partner may hold before its admin can issue another: from 1 to 10000.")]
    public int MaxActive { get; set; } = 25;
}
