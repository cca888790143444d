using System.ComponentModel.DataAnnotations;

namespace Forewarn.Server.Mail;

/// <summary>
/// Section <c>mail</c>: the SMTP server this server sends through (e.g. <c>FOREWARN_MAIL__HOST=smtp.example.com</c>).
/// Mail is off while <see cref="Host"/> is empty — the default, also for the demo.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "mail";

    /// <summary>The SMTP server's host name; empty: this server sends no mail.</summary>
    [MaxLength(253, ErrorMessage = "mail:host (FOREWARN_MAIL__HOST) is a host name of at most 253 characters.")]
    public string Host { get; set; } = "";

    [Range(1, 65535, ErrorMessage = "mail:port (FOREWARN_MAIL__PORT) is a TCP port: from 1 to 65535.")]
    public int Port { get; set; } = 587;

    [RegularExpression("(?i)^(none|starttls|tls)$", ErrorMessage = "mail:tls (FOREWARN_MAIL__TLS) is 'starttls' (upgrade after connecting, port 587), 'tls' (TLS from the start, port 465) or 'none' (only for a relay on this machine or a test server).")]
    public string Tls { get; set; } = "starttls";

    /// <summary>The user to authenticate as; empty: no authentication.</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender's address (From).</summary>
    public string From { get; set; } = "";

    /// <summary>The sender's name (From), e.g. the programme's.</summary>
    [MaxLength(200, ErrorMessage = "mail:fromName (FOREWARN_MAIL__FROMNAME) is at most 200 characters.")]
    public string FromName { get; set; } = "Forewarn";

    /// <summary>Where recipients reach the portal (links in mail); empty: <c>csaf:publicUrl</c>.</summary>
    public string PortalUrl { get; set; } = "";

    [RegularExpression("(?i)^(on|off)$", ErrorMessage = "mail:sender (FOREWARN_MAIL__SENDER) is 'on' or 'off'.")]
    public string Sender { get; set; } = "on";

    [Range(0.01, 3600, ErrorMessage = "mail:pollSeconds (FOREWARN_MAIL__POLLSECONDS) is how often the sender looks for due mail: from 0.01 to 3600 seconds.")]
    public double PollSeconds { get; set; } = 5;

    [Range(1, 600, ErrorMessage = "mail:timeoutSeconds (FOREWARN_MAIL__TIMEOUTSECONDS) is how long the SMTP server may take to answer: from 1 to 600 seconds.")]
    public double TimeoutSeconds { get; set; } = 30;

    [Range(1, 10_000, ErrorMessage = "mail:batchSize (FOREWARN_MAIL__BATCHSIZE) is how many messages one pass claims: from 1 to 10000.")]
    public int BatchSize { get; set; } = 200;
}
