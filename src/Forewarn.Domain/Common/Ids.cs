namespace Forewarn.Domain.Common;

/// <summary>Identifies a partner organisation.</summary>
public readonly record struct PartnerId(Guid Value)
{
    public static PartnerId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out PartnerId id) { var ok = Guid.TryParse(text, out var g); id = new(g); return ok; }
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies an advisory.</summary>
public readonly record struct AdvisoryId(Guid Value)
{
    public static AdvisoryId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out AdvisoryId id) { var ok = Guid.TryParse(text, out var g); id = new(g); return ok; }
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies an artifact (one piece of content of an advisory).</summary>
public readonly record struct ArtifactId(Guid Value)
{
    public static ArtifactId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out ArtifactId id) { var ok = Guid.TryParse(text, out var g); id = new(g); return ok; }
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a notification wave.</summary>
public readonly record struct WaveId(Guid Value)
{
    public static WaveId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a named member of the programme's staff (who holds staff keys).</summary>
public readonly record struct StaffMemberId(Guid Value)
{
    public static StaffMemberId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out StaffMemberId id) { var ok = Guid.TryParse(text, out var g); id = new(g); return ok; }
    public override string ToString() => Value.ToString();
}
