using Forewarn.Server.Hosting;

namespace Forewarn.Server.Mail;

/// <summary>Wakes the mail sender when this server wrote mail to the outbox.</summary>
public sealed class MailSignal : Wakeup;
