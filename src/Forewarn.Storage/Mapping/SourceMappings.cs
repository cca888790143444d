using Forewarn.Domain.Keys;
using Forewarn.Storage.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Storage.Mapping;

/// <summary>Request sources beside the log, and network bindings of keys and partners (part of <see cref="DomainMappings"/>).</summary>
internal static class SourceMappings
{
    public static void Apply(ModelBuilder b)
    {
        b.Entity<RequestSource>(e =>
        {
            e.ToTable("request_sources");
            e.HasKey(x => x.LogIndex);
            e.Property(x => x.LogIndex).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Address).HasMaxLength(45);
            e.Property(x => x.Network).HasMaxLength(50);
            // Signals read a key's history in log order, and a partner's by time.
            e.HasIndex(x => new { x.KeyId, x.LogIndex });
            e.HasIndex(x => new { x.PartnerId, x.At });
        });

        b.Entity<NetworkBinding>(e =>
        {
            e.ToTable("network_bindings");
            e.HasKey(x => x.SubjectId);
            e.Property(x => x.SubjectId).ValueGeneratedNever();
            e.Property(x => x.Subject).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.Networks).AsJson();
            e.Property(x => x.ChangedBy).HasMaxLength(200);
        });
    }
}
