using Forewarn.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forewarn.Storage.Mapping;

internal sealed class PartnerIdConverter() : ValueConverter<PartnerId, Guid>(v => v.Value, v => new PartnerId(v));

internal sealed class AdvisoryIdConverter() : ValueConverter<AdvisoryId, Guid>(v => v.Value, v => new AdvisoryId(v));

internal sealed class ArtifactIdConverter() : ValueConverter<ArtifactId, Guid>(v => v.Value, v => new ArtifactId(v));

internal sealed class WaveIdConverter() : ValueConverter<WaveId, Guid>(v => v.Value, v => new WaveId(v));

internal sealed class StaffMemberIdConverter() : ValueConverter<StaffMemberId, Guid>(v => v.Value, v => new StaffMemberId(v));

internal static class IdConventions
{
    public static void Apply(ModelConfigurationBuilder c)
    {
        c.Properties<PartnerId>().HaveConversion<PartnerIdConverter>();
        c.Properties<AdvisoryId>().HaveConversion<AdvisoryIdConverter>();
        c.Properties<ArtifactId>().HaveConversion<ArtifactIdConverter>();
        c.Properties<WaveId>().HaveConversion<WaveIdConverter>();
        c.Properties<StaffMemberId>().HaveConversion<StaffMemberIdConverter>();
    }
}
