using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Publishing;

/// <summary>
/// Section <c>csaf</c>: who publishes the programme's CSAF documents, where the provider directory
/// is reached, and the release scheduler (e.g. <c>FOREWARN_CSAF__PUBLISHERNAME</c>,
/// <c>FOREWARN_CSAF__PUBLICURL=https://psirt.example.com</c>). The publisher has no default: a
/// store without one configured uses the one the programme keeps (the demo sets its own).
/// </summary>
public sealed class CsafOptions
{
    public const string Section = "csaf";

    public string? PublisherName { get; set; }
    public string? PublisherNamespace { get; set; }
    public string? ContactDetails { get; set; }
    public string? IssuingAuthority { get; set; }
    public string? PublicUrl { get; set; }

    [Range(0.01, 3600, ErrorMessage = "csaf:pollSeconds (FOREWARN_CSAF__POLLSECONDS) is how often the release scheduler looks for due releases: from 0.01 to 3600 seconds.")]
    public double PollSeconds { get; set; } = 1;

    [RegularExpression("(?i)^(on|off)$", ErrorMessage = "csaf:scheduler (FOREWARN_CSAF__SCHEDULER) is 'on' or 'off'.")]
    public string Scheduler { get; set; } = "on";

    /// <summary>The publisher as configured, or null when none is (then the programme's own is used).</summary>
    public CsafPublisherIdentity? ConfiguredPublisher() =>
        string.IsNullOrWhiteSpace(PublisherName) ? null
        : new CsafPublisherIdentity(PublisherName.Trim(), PublisherNamespace!.Trim(), ContactDetails!.Trim(),
            string.IsNullOrWhiteSpace(IssuingAuthority) ? $"{PublisherName.Trim()}, coordinating its early warning programme (Forewarn)." : IssuingAuthority.Trim());
}

internal sealed class CsafOptionsValidation : IValidateOptions<CsafOptions>
{
    public ValidateOptionsResult Validate(string? name, CsafOptions o)
    {
        var problems = new List<string>();
        var any = new[] { o.PublisherName, o.PublisherNamespace, o.ContactDetails, o.IssuingAuthority }.Any(v => !string.IsNullOrWhiteSpace(v));
        if (any)
        {
            // Half a publisher would sign documents in a name the reader cannot check.
            if (string.IsNullOrWhiteSpace(o.PublisherName)) problems.Add("csaf:publisherName (FOREWARN_CSAF__PUBLISHERNAME) is missing: a publisher is configured by its name, namespace and contact together.");
            if (string.IsNullOrWhiteSpace(o.ContactDetails)) problems.Add("csaf:contactDetails (FOREWARN_CSAF__CONTACTDETAILS) is missing: give the address readers of the advisories write to, e.g. psirt@example.com.");
            if (!IsWebUrl(o.PublisherNamespace))
                problems.Add($"csaf:publisherNamespace (FOREWARN_CSAF__PUBLISHERNAMESPACE) must be the publisher's web address, e.g. https://example.com; it is '{o.PublisherNamespace}'.");
        }
        if (!string.IsNullOrWhiteSpace(o.PublicUrl) && !IsWebUrl(o.PublicUrl))
            problems.Add($"csaf:publicUrl (FOREWARN_CSAF__PUBLICURL) must be the http(s) address the public reaches this server at, e.g. https://psirt.example.com; it is '{o.PublicUrl}'.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsWebUrl(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
