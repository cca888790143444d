using System.Globalization;
using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Cvss;
using Forewarn.Domain.Mail;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Portal.Accounts.OpenPgp;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Forewarn.Server.Mail;

/// <summary>A composed message, or why it is not to be sent at all.</summary>
public sealed record Composition(MimeMessage? Message, bool Encrypted, string? Dropped);

/// <summary>
/// Makes a queued row into the message it sends, from the facts of that moment. An advisory notice
/// says which advisory opened to the user's organisation, how severe it is, when it is released and
/// where to read it; embargoed text goes only encrypted: to a user with an OpenPGP key the notice is
/// PGP/MIME and also carries the organisation's own copy of each description open to it — made,
/// recorded (channel <c>mail</c>, naming the user) and marked exactly as a download is
/// (<see cref="PartnerView.DecideContentsAsync"/>). Without a key it carries no embargoed text.
/// </summary>
public sealed class MailComposer(ForewarnDb db, RequestFacts requestFacts, PartnerView view, MailSettings settings)
{
    public const string Channel = "mail";

    public async Task<Composition> ComposeAsync(MailMessage row, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Purpose switch
        {
            MailPurpose.Invitation => Invitation(row),
            MailPurpose.AdvisoryNotice => await NoticeAsync(row, now, ct),
            _ => new Composition(null, false, $"nothing composes a {row.Purpose} message"),
        };
    }

    private Composition Invitation(MailMessage row)
    {
        if (row.Secret is not { } link) return new Composition(null, false, "the invitation's link is no longer kept");
        var body = new StringBuilder()
            .AppendLine("Hello,")
            .AppendLine()
            .AppendLine($"You are invited to the {settings.FromName} portal. Open this link to choose your password and sign in:")
            .AppendLine()
            .AppendLine(link)
            .AppendLine()
            .AppendLine("The link works once and expires in a few days. If you did not expect this invitation, ignore this mail.")
            .ToString();
        return new Composition(Message(row, row.To, $"Your invitation to the {settings.FromName} portal", new TextPart("plain") { Text = body }), false, null);
    }

    private async Task<Composition> NoticeAsync(MailMessage row, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == row.UserId, ct);
        if (user is null || user.DisabledAt is not null || user.Email is null) return Dropped("the user is gone or disabled");
        if (user.AdvisoryMailOff) return Dropped("the user turned advisory mail off");
        if (user.PartnerId != row.PartnerId) return Dropped("the user no longer belongs to the partner");
        var facts = await requestFacts.GetAsync(ct);
        var partner = row.PartnerId is { } partnerId ? facts.Partners.GetValueOrDefault(partnerId) : null;
        if (partner is null || !partner.StatusAt(now).Receives()) return Dropped("the partner no longer receives");
        if (row.AdvisoryId is not { } advisoryId || !facts.AdvisoriesById.TryGetValue(advisoryId, out var advisory))
            return Dropped("the advisory is no longer served (withdrawn)");
        var waves = facts.WavesOf[advisory.Id].ToList();
        var open = facts.ArtifactsOf[advisory.Id]
            .Where(a => EntitlementPolicy.Decide(facts.Policy.Query(partner, advisory, a, waves, now)).Allowed)
            .ToList();
        if (open.Count == 0) return Dropped("nothing of the advisory is open to the partner now");

        // The key as the account page accepted it, checked again now: revoked or expired since → no text.
        var key = user.OpenPgpPublicKey is { } armored ? RecipientKeyReader.EncryptionKeys(armored, now).FirstOrDefault() : null;
        var text = new StringBuilder()
            .AppendLine($"Hello {user.DisplayName},")
            .AppendLine()
            .AppendLine($"Advisory {advisory.Reference} is open to {partner.LegalName} in the {settings.FromName} programme.")
            .AppendLine()
            .AppendLine($"Reference: {advisory.Reference}")
            .AppendLine($"Title:     {advisory.Title}")
            .AppendLine($"Severity:  {Severity(advisory)}")
            .AppendLine($"Opened:    {Time(now)}")
            .AppendLine(advisory.ReleaseAt > now ? $"Release:   {Time(advisory.ReleaseAt)} — embargoed until then" : $"Released:  {Time(advisory.ReleaseAt)}")
            .AppendLine()
            .AppendLine($"Read it in the portal: {settings.PortalUrl}/portal/advisories/{advisory.Id.Value}")
            .AppendLine();
        if (key is null)
        {
            text.AppendLine(string.IsNullOrWhiteSpace(user.OpenPgpPublicKey)
                ? "This mail carries no embargoed text. Register an OpenPGP key in your portal account to receive the description by mail, encrypted."
                : "This mail carries no embargoed text: the OpenPGP key in your portal account cannot be used for encryption. Register a new one to receive the description by mail.");
            AppendFooter(text);
            return new Composition(Message(row, user.Email, Subject(advisory), new TextPart("plain") { Text = text.ToString() }), false, null);
        }

        // The organisation's own copy of each description open to it, recorded before it is sent.
        var descriptions = open.Where(a => a.Class == ContentClass.Description).Select(a => a.Id).ToList();
        var copies = await view.DecideContentsAsync(partner, Guid.Empty, descriptions, Channel, RequestOrigin.Unknown, now, ct, PortalPrincipal.NameOf(user.Id));
        foreach (var copy in copies.Where(c => c.Copy is not null && c.Artifact is not null))
        {
            text.AppendLine($"{copy.Artifact!.Title} — your organisation's copy, for your organisation only:")
                .AppendLine()
                .AppendLine(Encoding.UTF8.GetString(copy.Copy!.Bytes).TrimEnd())
                .AppendLine();
        }
        AppendFooter(text);
        var inner = new TextPart("plain") { Text = text.ToString() };
        return new Composition(Message(row, user.Email, Subject(advisory), OpenPgpMail.Encrypt(inner, key)), true, null);
    }

    private static Composition Dropped(string reason) => new(null, false, reason);

    private static void AppendFooter(StringBuilder text) =>
        text.AppendLine("-- ")
            .AppendLine("You receive this because you are a portal user of an organisation in the programme. Turn advisory mail off in your portal account.");

    // The subject travels unencrypted: the reference only, nothing of the advisory's content.
    private static string Subject(Advisory advisory) => $"Advisory {advisory.Reference} is open to you";

    private static string Severity(Advisory advisory) => advisory.CvssScore is { } score
        ? $"{CvssSeverity.Of(score)} (CVSS {score.ToString("0.0", CultureInfo.InvariantCulture)})"
        : "not scored";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private MimeMessage Message(MailMessage row, string to, string subject, MimeEntity body)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Subject = subject,
            Date = row.CreatedAt,
            Body = body,
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        // Not a person's mail: automatic replies and vacation notices stay away.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
