using Microsoft.Extensions.Options;

namespace Forewarn.Server.Publishing;

/// <summary>
/// What the CSAF features read: <see cref="CsafOptions"/> as validated, and the programme's
/// publisher (<see cref="ProgramPublisher"/>). Anything that names the publisher throws
/// <see cref="PublisherMissingException"/> when the programme has none.
/// </summary>
public sealed class CsafSettings(IOptions<CsafOptions> options, ProgramPublisher publisher)
{
    private readonly CsafOptions o = options.Value;

    public string PublisherName => publisher.Require().Name;
    public string PublisherNamespace => publisher.Require().Namespace;
    public string ContactDetails => publisher.Require().ContactDetails;
    public string IssuingAuthority => publisher.Require().IssuingAuthority;

    /// <summary>A name to show where a publisher is nice to have but not needed (TAXII titles, the STIX identity).</summary>
    public string DisplayName => publisher.Current?.Name ?? "Forewarn programme";

    public string? DisplayContact => publisher.Current?.ContactDetails;

    public string? PublicUrl => string.IsNullOrWhiteSpace(o.PublicUrl) ? null : o.PublicUrl.Trim().TrimEnd('/');
    public TimeSpan PollInterval => TimeSpan.FromSeconds(o.PollSeconds);
    public bool SchedulerOn => !string.Equals(o.Scheduler, "off", StringComparison.OrdinalIgnoreCase);

    /// <summary>The public base URL: configured, or else the one the request came in on.</summary>
    public string BaseUrl(HttpRequest request) => PublicUrl ?? $"{request.Scheme}://{request.Host}";

    /// <summary>The OpenPGP user id of the programme's signing key.</summary>
    public string SigningIdentity => $"{PublisherName} CSAF signing <{ContactDetails}>";
}
