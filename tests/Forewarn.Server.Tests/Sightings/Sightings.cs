using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Sightings;

/// <summary>What the sighting tests do again and again: record one, and take a fragment of a partner's own copy.</summary>
internal static class Sightings
{
    public static object Body(string advisory, object? sample = null, string? url = "https://cert.example.org/notes/2026-118",
        DateTimeOffset? firstObserved = null, string confidence = "high", string[]? indicators = null) => new
    {
        advisory,
        firstObservedAt = firstObserved ?? ForewarnFactory.Start.AddHours(-6),
        source = "National CERT partner feed",
        url,
        confidence,
        description = "Requests to the update cache endpoint from two hosting networks, followed by service restarts.",
        sample,
        indicators = indicators ?? ["198.51.100.23", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    };

    public static Task<JsonNode> RecordAsync(HttpClient staff, object body) => staff.PostJson("/api/v1/sightings", body, HttpStatusCode.Created);

    /// <summary>The partner's copy of an artifact as it downloaded it, cut to the middle — what turns up on a paste site.</summary>
    public static async Task<string> FragmentOfCopyAsync(HttpClient partner, string artifactId)
    {
        var copy = await partner.GetStringAsync($"/api/v1/me/artifacts/{artifactId}/content");
        return copy[(copy.Length / 5)..(copy.Length * 4 / 5)];
    }
}
