using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Forewarn.Server.Tests.Hardening.Fuzzing;

/// <summary>
/// The property every malformed request must keep: no 5xx; a refusal is problem JSON with a stable
/// type and a sentence; and a refusal leaves every domain table as it was. A request the server
/// accepted (a bad value it may take, such as an emoji in a note) may change the store: the next
/// case then starts from the new state, once background work has settled.
/// </summary>
public sealed class RefusalCheck(HttpClient staff, HttpClient partner, HttpClient taxii, Func<Task<IReadOnlyDictionary<string, string>>> snapshot)
{
    private IReadOnlyDictionary<string, string>? _before;

    /// <summary>How many cases were accepted (2xx) and how many refused (4xx), by status.</summary>
    public SortedDictionary<int, int> Statuses { get; } = [];

    /// <summary>What the case broke of the property, or nothing.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(FuzzCase c)
    {
        _before ??= await snapshot();
        var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
        }
        HttpResponseMessage response;
        try
        {
            response = await (c.Operation.IsTaxii ? taxii : c.Operation.IsPartners ? partner : staff).SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return [$"{c}: no answer ({e.GetType().Name}: {e.Message})"];
        }
        var status = (int)response.StatusCode;
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        var failures = new List<string>();
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500) failures.Add($"{c}: answered {status}: {Excerpt(text)}");
        if (status >= 400) failures.AddRange(ProblemFailures(c, response, text));
        var after = await snapshot();
        if (status >= 400)
        {
            var changed = StoreSnapshot.Changed(_before, after);
            if (changed.Count > 0) failures.Add($"{c}: refused with {status} but changed {string.Join(", ", changed)}");
        }
        else
        {
            after = await SettledAsync(after);
        }
        _before = after;
        return failures;
    }

    /// <summary>Requests Kestrel refused itself, before any of the server's code ran (a NUL in the path): it answers them with an empty 400.</summary>
    public List<string> RefusedByKestrel { get; } = [];

    private IEnumerable<string> ProblemFailures(FuzzCase c, HttpResponseMessage response, string text)
    {
        var media = response.Content.Headers.ContentType?.MediaType;
        if (response.StatusCode == System.Net.HttpStatusCode.BadRequest && media is null && text.Length == 0 && c.Url.Contains("%00", StringComparison.Ordinal))
        {
            RefusedByKestrel.Add(c.ToString());
            yield break;
        }
        if (c.Operation.IsTaxii)
        {
            if (media != "application/taxii+json" || JsonNode.Parse(text)?["title"] is not JsonValue)
                yield return $"{c}: refused with {(int)response.StatusCode} but not as a TAXII error message: {Excerpt(text)}";
            yield break;
        }
        if (media != "application/problem+json")
        {
            yield return $"{c}: refused with {(int)response.StatusCode} as '{response.Content.Headers.ContentType}', not problem JSON: {Excerpt(text)}";
            yield break;
        }
        JsonNode? problem;
        try { problem = JsonNode.Parse(text); }
        catch (JsonException) { problem = null; }
        if (problem?["type"] is not JsonValue || string.IsNullOrWhiteSpace((string?)problem["detail"]))
            yield return $"{c}: a problem without a type or a sentence: {Excerpt(text)}";
    }

    // Background work a successful change starts (the release scheduler, say) must finish before the next comparison.
    private async Task<IReadOnlyDictionary<string, string>> SettledAsync(IReadOnlyDictionary<string, string> last)
    {
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(25);
            var now = await snapshot();
            if (StoreSnapshot.Changed(last, now).Count == 0) return now;
            last = now;
        }
        return last;
    }

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
