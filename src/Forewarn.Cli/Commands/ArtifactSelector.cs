using Forewarn.Cli.Api;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary>
/// Names an artifact for a partner either by its id or as <c>REFERENCE:class</c>
/// (<c>FW-2025-0708:poc</c>): the one open artifact of that class in the advisory.
/// </summary>
internal static class ArtifactSelector
{
    public static async Task<string> ResolveAsync(ApiClient api, string given, CancellationToken ct)
    {
        var colon = given.LastIndexOf(':');
        if (colon <= 0 || colon == given.Length - 1) return given;
        var reference = given[..colon].Trim();
        var cls = given[(colon + 1)..].Trim().ToLowerInvariant();
        var advisory = await api.GetAsync($"me/advisories/{ApiClient.Segment(reference)}", ct);
        var matching = advisory.Items("artifacts").Where(a => a.Text("class") == cls).ToList();
        var open = matching.Where(a => a.Flag("open")).ToList();
        return open.Count switch
        {
            1 => open[0].Text("id"),
            0 when matching.Count > 0 => throw new InputException(
                $"the {cls} of {reference} is not open to you yet" + (matching[0].Time("opensAt") is { Length: > 0 } t ? $": it opens {t}." : ".")),
            0 => throw new InputException($"{reference} has no {cls} open to you (classes: notice, description, detection, indicators, mitigation, poc)."),
            _ => throw new InputException($"{reference} has {open.Count} open {cls} artifacts; name one by id: "
                + string.Join(", ", open.Select(a => $"{a.Text("id")} ({a.Text("title")})")) + "."),
        };
    }
}
