using Forewarn.Domain.Mail;
using Forewarn.Domain.Webhooks;
using Forewarn.Storage;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Forewarn.Server.Mail;

/// <summary>
/// Sends the mail outbox through the configured SMTP server. Each pass picks due messages, claims
/// them in the store with a lease (the webhooks' claim: with several servers on one store, one sends
/// each message), composes each once — the bytes are kept, so a retry sends the same message with
/// the same Message-ID — and sends them over one SMTP connection. An accepted message is sent; a
/// refusal or an unreachable server schedules the next attempt (10 s doubling to 6 h), and after 12
/// attempts the message is dead. A sender that dies leaves its claims to run out; another takes them.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, MailSignal signal, TimeProvider clock, MailSettings settings, ILogger<MailSender> log)
    : BackgroundService
{
    // Unique per process and instance, so a claim says which sender holds it.
    private readonly string sender = Name();
    private readonly SemaphoreSlim passes = new(1, 1);

    private static string Name()
    {
        var name = $"mail:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[^100..];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.On)
        {
            log.LogInformation("Mail is off (no mail:host): this server sends no mail");
            return;
        }
        if (!settings.SenderOn)
        {
            log.LogWarning("The mail sender is off (mail:sender=off): this server queues mail and sends none");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await PassAsync(stoppingToken) == settings.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Mail pass failed; retrying");
            }
            if (more) continue;
            try
            {
                await signal.WaitUntilAsync(clock.GetUtcNow() + settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims and sends what is due now; returns how many messages it claimed.</summary>
    public async Task<int> PassAsync(CancellationToken ct)
    {
        if (!settings.On) return 0;
        await passes.WaitAsync(ct);
        try
        {
            return await SendDueAsync(ct);
        }
        finally
        {
            passes.Release();
        }
    }

    private async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<string> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            var due = await db.MailMessages.AsNoTracking()
                .Where(m => m.State == DeliveryState.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
                .OrderBy(m => m.NextAttemptAt).Take(settings.BatchSize)
                .Select(m => m.Id).ToListAsync(ct);
            claimed = [.. await WebhookOutbox.ClaimAsync(db, Outbox.MailMessages, due, sender, now, settings.Lease, ct)];
        }
        if (claimed.Count == 0) return 0;
        using var smtp = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        string? unreachable = null;
        foreach (var id in claimed)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
            var row = await db.MailMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
            if (row is null || row.ClaimedBy != sender) continue; // the lease ran out and another sender took it
            var message = await MessageOfAsync(scope.ServiceProvider, db, row, ct);
            if (message is null)
            {
                await db.SaveChangesAsync(ct);
                continue;
            }
            // One connection for the pass; a server that cannot be reached fails the rest of the pass at once.
            unreachable ??= await ConnectAsync(smtp, ct);
            var error = unreachable ?? await SendAsync(smtp, message, ct);
            var at = clock.GetUtcNow();
            if (error is null) row.Sent(at);
            else row.Failed(error, at, settings.Retry, Random.Shared.NextDouble());
            if (error is not null && row.State == DeliveryState.Dead)
                log.LogWarning("Mail {Id} ({Purpose}) is given up after {Attempts} attempts: {Error}", row.Id, row.Purpose, row.Attempts, error);
            await db.SaveChangesAsync(ct);
        }
        if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, ct);
        return claimed.Count;
    }

    /// <summary>The message to send: composed now on its first attempt (and kept), or as kept; null when it was dropped.</summary>
    private async Task<MimeMessage?> MessageOfAsync(IServiceProvider services, ForewarnDb db, MailMessage row, CancellationToken ct)
    {
        if (row.Composed is { } kept) return await MimeMessage.LoadAsync(new MemoryStream(kept), ct);
        var composition = await services.GetRequiredService<MailComposer>().ComposeAsync(row, clock.GetUtcNow(), ct);
        if (composition.Message is not { } message)
        {
            row.Drop(composition.Dropped ?? "not composed");
            log.LogInformation("Mail {Id} ({Purpose}) is not sent: {Reason}", row.Id, row.Purpose, row.LastError);
            return null;
        }
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes, ct);
        row.Compose(bytes.ToArray(), composition.Encrypted);
        // Kept before it is sent: a retry, here or on another server, sends these bytes.
        await db.SaveChangesAsync(ct);
        return message;
    }

    private async Task<string?> ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        if (smtp.IsConnected) return null;
        try
        {
            var tls = settings.Tls switch
            {
                MailTls.None => SecureSocketOptions.None,
                MailTls.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await smtp.ConnectAsync(settings.Host, settings.Port, tls, ct);
            if (settings.User is { } user) await smtp.AuthenticateAsync(user, settings.Password ?? "", ct);
            return null;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException
                                      or AuthenticationException or SslHandshakeException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return $"cannot reach the SMTP server {settings.Host}:{settings.Port}: {e.Message}";
        }
    }

    private static async Task<string?> SendAsync(SmtpClient smtp, MimeMessage message, CancellationToken ct)
    {
        try
        {
            await smtp.SendAsync(message, ct);
            return null;
        }
        catch (SmtpCommandException e)
        {
            return $"SMTP {(int)e.StatusCode}: {e.Message}";
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return $"the SMTP conversation broke off: {e.Message}";
        }
    }
}
