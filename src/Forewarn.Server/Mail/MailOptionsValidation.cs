using Forewarn.Server.Publishing;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Mail;

/// <summary>What the annotations cannot say: with a host, a valid From address and an absolute portal address.</summary>
internal sealed class MailOptionsValidation(IOptions<CsafOptions> csaf) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Host)) return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (!MimeKit.MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            problems.Add("mail:from (FOREWARN_MAIL__FROM) is missing or not an e-mail address: give the address mail comes from, e.g. forewarn@example.com.");
        var portal = string.IsNullOrWhiteSpace(options.PortalUrl) ? csaf.Value.PublicUrl : options.PortalUrl;
        if (!Uri.TryCreate(portal?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Add("mail:portalUrl (FOREWARN_MAIL__PORTALURL) is missing: give the address recipients reach the portal at (links in mail), e.g. https://forewarn.example.com — or set csaf:publicUrl.");
        if (string.IsNullOrEmpty(options.User) != string.IsNullOrEmpty(options.Password))
            problems.Add("mail:user and mail:password (FOREWARN_MAIL__USER, FOREWARN_MAIL__PASSWORD) go together: give both to authenticate, or neither.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
