namespace Forewarn.Stix;

/// <summary>
/// Who publishes: the programme's STIX <c>identity</c>, which every object names as its
/// <c>created_by_ref</c>. <paramref name="Created"/> fixes the identity's timestamps so its id and
/// version never move.
/// </summary>
public sealed record StixProgramme(string Name, DateTimeOffset Created, string? ContactInformation = null)
{
    /// <summary>The deterministic id of the programme's identity object.</summary>
    public string IdentityId => StixId.For("identity", "programme/" + Name);
}
