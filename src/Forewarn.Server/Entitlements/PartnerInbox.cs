using System.Text.Json;
using Forewarn.Domain.Advisories;
using Forewarn.Server.Api.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Entitlements;

/// <summary>
/// The inbox's face of the entitled view (/api/v1/me/advisories and /me/advisories/{id}): each
/// advisory with the artifacts the partner may know of, open or with when they open and why. The
/// list is rendered to JSON once per view and kept with it, so a repeated ask costs a lookup.
/// </summary>
public sealed class PartnerInbox(IOptions<JsonOptions> json)
{
    private const string Face = "inbox-json";

    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    /// <summary>The partner's advisories as the inbox lists them, as UTF-8 JSON.</summary>
    public Task<byte[]> ListAsync(EntitledView view, CancellationToken ct) =>
        view.RenderedAsync(Face, (v, _) => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(Items(v), _options)), ct);

    /// <summary>The same items, made once per view and kept with it (what the portal's inbox page shows).</summary>
    public static Task<IReadOnlyList<MyAdvisoryDto>> ListedAsync(EntitledView view, CancellationToken ct) =>
        view.RenderedAsync("inbox-items", (v, _) => Task.FromResult(Items(v)), ct);

    public static IReadOnlyList<MyAdvisoryDto> Items(EntitledView view) => [.. view.Advisories.Select(Item)];

    public static MyAdvisoryDto Item(EntitledAdvisory entitled)
    {
        var advisory = entitled.Advisory;
        return new MyAdvisoryDto(advisory.Id.Value, advisory.Reference, advisory.Title, advisory.Summary, entitled.State.Name(),
            advisory.ReleaseAt, advisory.CveIds, advisory.CvssScore, entitled.AcknowledgedAt, [.. entitled.Artifacts.Select(Item)]);
    }

    private static MyArtifactDto Item(EntitledArtifact entitled)
    {
        var (a, decision) = (entitled.Artifact, entitled.Decision);
        return new MyArtifactDto(a.Id.Value, a.Title, a.Class.Name(), a.Tlp.Name(), a.MediaType, a.FileName, a.Size,
            decision.Allowed, decision.OpensAt, decision.Explanation);
    }
}
