using Forewarn.Domain.Mail;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage.Mapping;

/// <summary>
/// The two outboxes the server delivers from — webhook deliveries to partners' endpoints and mail
/// to people — each row written with the change that causes it and claimed by one sender.
/// </summary>
internal static class DeliveryMappings
{
    public static void Apply(ModelBuilder b)
    {
        b.Entity<WebhookEndpoint>(e =>
        {
            e.ToTable("webhook_endpoints");
            e.HasKey(w => w.Id);
            e.HasOne<Partner>().WithMany().HasForeignKey(w => w.PartnerId).OnDelete(DeleteBehavior.Restrict);
            e.Property(w => w.Url).HasMaxLength(2000);
            e.Property(w => w.Events).AsJson();
            e.Property(w => w.Secrets).AsJson();
            e.HasIndex(w => w.PartnerId);
        });

        b.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(40);
            e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Restrict);
            e.Property(d => d.EventType).HasMaxLength(60);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.ClaimedBy).HasMaxLength(100);
            e.Property(d => d.LastError).HasMaxLength(500);
            // The senders' question: what is pending and due, oldest first.
            e.HasIndex(d => new { d.State, d.NextAttemptAt });
            e.HasIndex(d => new { d.PartnerId, d.CreatedAt });
        });

        b.Entity<MailMessage>(e =>
        {
            e.ToTable("mail_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasMaxLength(40);
            e.Property(m => m.MessageId).HasMaxLength(300);
            e.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(30);
            e.Property(m => m.To).HasMaxLength(MailMessage.MaxAddress);
            e.Property(m => m.Secret).HasMaxLength(2000);
            e.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.ClaimedBy).HasMaxLength(100);
            e.Property(m => m.LastError).HasMaxLength(500);
            // The senders' question, as for webhooks: what is pending and due, oldest first.
            e.HasIndex(m => new { m.State, m.NextAttemptAt });
            // Whether an advisory's notice already went to a partner's users.
            e.HasIndex(m => new { m.AdvisoryId, m.PartnerId });
        });
    }
}
