using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Forewarn.Benchmarks.Taxii;

/// <summary>One whole read of the collection: the pages, the ids in the order served, and each page's latency.</summary>
public sealed record CollectionPass(int Pages, IReadOnlyList<string> Ids, IReadOnlyDictionary<string, int> Types, IReadOnlyList<long> PageTicks, long Bytes);

/// <summary>
/// A TAXII client that reads the whole collection as a partner: GET …/objects/?limit=N, then the
/// same with next=… while more is true. Every answer must be 200 with the TAXII media type.
/// </summary>
public static class CollectionPager
{
    public const string CollectionId = "0b3d4a8e-6f7c-4e0e-9d3a-5c2b1f4e7a61";
    public const string ObjectsPath = "/taxii2/api/collections/" + CollectionId + "/objects/";
    public const string MediaType = "application/taxii+json;version=2.1";

    public static async Task<CollectionPass> ReadAllAsync(HttpClient client, string key, int limit, CancellationToken ct)
    {
        var ids = new List<string>(16_384);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var ticks = new List<long>(256);
        long bytes = 0;
        string? next = null;
        var pages = 0;
        while (true)
        {
            var path = $"{ObjectsPath}?limit={limit}" + (next is null ? "" : "&next=" + Uri.EscapeDataString(next));
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            request.Headers.Accept.ParseAdd(MediaType);
            var t0 = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            ticks.Add(Stopwatch.GetTimestamp() - t0);
            bytes += body.Length;
            pages++;
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"Page {pages} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            if (response.Content.Headers.ContentType?.MediaType != "application/taxii+json")
                throw new InvalidOperationException($"Page {pages} came as {response.Content.Headers.ContentType}, not {MediaType}.");
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.TryGetProperty("objects", out var objects))
            {
                foreach (var o in objects.EnumerateArray())
                {
                    ids.Add(o.GetProperty("id").GetString()!);
                    var type = o.GetProperty("type").GetString()!;
                    types[type] = types.GetValueOrDefault(type) + 1;
                }
            }
            if (!root.GetProperty("more").GetBoolean()) break;
            next = root.GetProperty("next").GetString() ?? throw new InvalidOperationException($"Page {pages}: more is true but next is missing.");
        }
        return new CollectionPass(pages, ids, types, ticks, bytes);
    }
}
