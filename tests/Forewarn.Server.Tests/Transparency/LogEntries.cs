using System.Text.Json.Nodes;
using System.Text.Json;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Notes;
using Forewarn.Transparency.Tree;
using Forewarn.Transparency;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>Reads the log as its users do: whole entries through the API, checkpoints and the key through /log/v1.</summary>
internal static class LogEntries
{
    /// <summary>Every entry from <paramref name="path"/> (staff's or a partner's), following next_start.</summary>
    public static async Task<List<JsonNode>> AllAsync(HttpClient client, string query = "", string path = "/api/v1/log/entries")
    {
        var all = new List<JsonNode>();
        long? start = 0;
        while (start is { } from)
        {
            var page = await client.GetJson($"{path}?start={from}&limit=1000{(query.Length > 0 ? "&" + query : "")}");
            all.AddRange(page["entries"]!.AsArray().Select(e => e!));
            start = (long?)page["next_start"];
        }
        return all;
    }

    public static Task<List<JsonNode>> OfKindAsync(HttpClient staff, string kind) => AllAsync(staff, $"kind={kind}");

    /// <summary>The one entry of <paramref name="kind"/> whose field <paramref name="field"/> is <paramref name="value"/>; fails unless exactly one.</summary>
    public static async Task<JsonNode> SingleAsync(HttpClient staff, string kind, string field, string value)
    {
        var matching = (await OfKindAsync(staff, kind)).Where(e => (string?)e["entry"]![field] == value).ToList();
        Assert.True(matching.Count == 1, $"{matching.Count} {kind} entries with {field} = {value}, not one");
        return matching[0];
    }

    /// <summary>
    /// Verifies the whole log from outside: the entries are 0..n-1 without gaps, the tree rebuilt from
    /// their bodies has every published checkpoint's root at its size, the latest covers every entry,
    /// and every checkpoint is signed by the log's key. Returns the number of entries.
    /// </summary>
    public static async Task<long> VerifyAsync(HttpClient staff, HttpClient anyone)
    {
        var entries = await AllAsync(staff);
        var key = NoteKey.FromVerifierKey((await anyone.GetStringAsync("/log/v1/key")).Trim());
        var checkpoints = new List<JsonNode>();
        long? after = -1;
        while (after is { } from)
        {
            var page = await anyone.GetJson($"/log/v1/checkpoints?after={from}&limit=1000");
            checkpoints.AddRange(page["checkpoints"]!.AsArray().Select(c => c!));
            after = (long?)page["next_after"];
        }
        var roots = new Dictionary<long, byte[]>();
        foreach (var c in checkpoints)
        {
            var note = (string)c["checkpoint"]!;
            var text = SignedNote.Open(note, key);
            Assert.True(text is not null, $"The checkpoint of size {c["size"]} is not signed by the log's key.");
            var checkpoint = Checkpoint.Parse(text);
            Assert.Equal(key.Name, checkpoint.Origin);
            Assert.Equal((long)c["size"]!, checkpoint.Size);
            roots[checkpoint.Size] = checkpoint.Root;
        }
        var tree = new MerkleFrontier();
        var matched = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Equal(i, (long)entries[i]["index"]!);
            // The API shows the entry as JSON; its canonical form is the exact bytes that were hashed.
            using var body = JsonDocument.Parse(entries[i]["entry"]!.ToJsonString());
            tree.Append(MerkleHash.Leaf(CanonicalJson.Utf8(body.RootElement)));
            if (roots.TryGetValue(tree.Size, out var root))
            {
                Assert.True(root.AsSpan().SequenceEqual(tree.Root()), $"The checkpoint of size {tree.Size} does not match the entries.");
                matched++;
            }
        }
        Assert.Equal(roots.Count, matched); // no checkpoint of a size the entries do not reach
        if (entries.Count > 0) Assert.Equal(entries.Count, roots.Keys.Max());
        return entries.Count;
    }
}
