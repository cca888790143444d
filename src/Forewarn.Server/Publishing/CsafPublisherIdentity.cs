namespace Forewarn.Server.Publishing;

/// <summary>Who publishes the programme's CSAF documents (CSAF 2.0 section 3.2.1.8) and signs them.</summary>
public sealed record CsafPublisherIdentity(string Name, string Namespace, string ContactDetails, string IssuingAuthority);
