using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forewarn.Server.Demo;

/// <summary>A demo staff key and the staff member who holds it.</summary>
public sealed record DemoStaffKey(
    [property: JsonPropertyName("apiKey")] string ApiKey,
    [property: JsonPropertyName("member")] string? Member = null);

public sealed record DemoPartnerKey(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("apiKey")] string ApiKey);

/// <summary>
/// The demo's keys, written to DATA/demo-credentials.json readable only by its owner: the staff key
/// of one staff member, a second member's (<c>secondStaff</c>: a different pair of eyes, to approve
/// what the first proposes), and each partner's; and the portal's demo users (<see cref="DemoPortalUsers"/>).
/// </summary>
public sealed record DemoCredentials(
    [property: JsonPropertyName("staff")] DemoStaffKey Staff,
    [property: JsonPropertyName("partners")] IReadOnlyList<DemoPartnerKey> Partners,
    [property: JsonPropertyName("secondStaff")] DemoStaffKey? SecondStaff = null,
    [property: JsonPropertyName("portal")] IReadOnlyList<DemoPortalUser>? Portal = null)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task WriteAsync(string path, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(this, Indented);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteAsync(json.AsMemory(), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static async Task<DemoCredentials?> ReadAsync(string path, CancellationToken ct) =>
        File.Exists(path) ? JsonSerializer.Deserialize<DemoCredentials>(await File.ReadAllTextAsync(path, ct)) : null;
}
