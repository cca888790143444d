using System.Text.Json;
using System.Text.RegularExpressions;
using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

public sealed partial class RolieFeedTests
{
    private static readonly DateTimeOffset Updated = new(2026, 3, 1, 10, 9, 7, TimeSpan.Zero);

    private static string Build(IEnumerable<PublishedDocument>? documents = null) =>
        RolieFeed.Build(Sample.Layout, Sample.Publisher.Name, documents ?? Sample.Documents, Updated);

    /// <summary>
    /// The feed of CSAF 2.0 requirement 15, example 1 (csaf_2.0/examples/ROLIE/example-01-feed-tlp-white.json
    /// in oasis-tcs/csaf), kept here so the test reads no file outside the repository.
    /// </summary>
    private const string StandardExample = """
        {"feed":{"id":"example-csaf-feed-tlp-white","title":"Example CSAF feed (TLP:WHITE)",
        "link":[{"rel":"self","href":"https://psirt.domain.tld/advisories/csaf/feed-tlp-white.json"}],
        "category":[{"scheme":"urn:ietf:params:rolie:category:information-type","term":"csaf"}],
        "updated":"2021-01-01T12:00:00.000Z",
        "entry":[{"id":"2020-ESA-001","title":"Example Security Advisory 001",
        "link":[{"rel":"self","href":"https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json"},
        {"rel":"hash","href":"https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json.sha512"},
        {"rel":"signature","href":"https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json.asc"}],
        "published":"2021-01-01T11:00:00.000Z","updated":"2021-01-01T12:00:00.000Z",
        "summary":{"content":"Vulnerabilities fixed in ABC 0.0.1"},
        "content":{"type":"application/json","src":"https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json"},
        "format":{"schema":"https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json","version":"2.0"}}]}}
        """;

    [Fact]
    public void The_feed_has_the_same_structure_as_the_standards_example()
    {
        Assert.Equal(Shape(StandardExample), Shape(Build()));
    }

    [Fact]
    public void The_shape_check_sees_a_missing_property()
    {
        // Control: the comparison above can fail.
        var withoutFormat = JsonDocument.Parse(Build()).RootElement.GetRawText().Replace("\"format\"", "\"formats\"", StringComparison.Ordinal);

        Assert.NotEqual(Shape(StandardExample), Shape(withoutFormat));
    }

    [Fact]
    public void The_feed_names_itself_its_category_and_its_update_time()
    {
        var feed = Feed(Build());

        Assert.Equal("csaf-feed-tlp-white", feed.GetProperty("id").GetString());
        Assert.Equal("Halcyon Software PSIRT CSAF feed (TLP:WHITE)", feed.GetProperty("title").GetString());
        Assert.Equal("self", feed.GetProperty("link")[0].GetProperty("rel").GetString());
        Assert.Equal(Sample.Layout.WhiteFeedUrl, feed.GetProperty("link")[0].GetProperty("href").GetString());
        Assert.Equal("urn:ietf:params:rolie:category:information-type", feed.GetProperty("category")[0].GetProperty("scheme").GetString());
        Assert.Equal("csaf", feed.GetProperty("category")[0].GetProperty("term").GetString());
        Assert.Equal("2026-03-01T10:09:07.000Z", feed.GetProperty("updated").GetString());
    }

    [Fact]
    public void Entries_are_newest_first_by_current_release_date()
    {
        var ids = Feed(Build()).GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();

        Assert.Equal(["FW-2025-0917", "FW-2026-1201", "FW-2026-1105"], ids);
    }

    [Fact]
    public void An_entry_links_the_document_both_hashes_and_the_signature()
    {
        var entry = Feed(Build()).GetProperty("entry").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "FW-2026-1201");
        var links = entry.GetProperty("link").EnumerateArray()
            .Select(l => (l.GetProperty("rel").GetString(), l.GetProperty("href").GetString())).ToList();
        const string url = "https://psirt.halcyon.example/.well-known/csaf/white/2026/fw-2026-1201.json";

        Assert.Equal(
            [("self", url), ("hash", url + ".sha256"), ("hash", url + ".sha512"), ("signature", url + ".asc")],
            links);
        Assert.Equal("Advisory FW-2026-1201", entry.GetProperty("title").GetString());
        Assert.Equal("2026-02-10T08:00:00.000Z", entry.GetProperty("published").GetString());
        Assert.Equal("2026-02-10T08:00:00.000Z", entry.GetProperty("updated").GetString());
        Assert.Equal("CVE-2026-1201 · CVSS 9.8 critical", entry.GetProperty("summary").GetProperty("content").GetString());
        Assert.Equal("application/json", entry.GetProperty("content").GetProperty("type").GetString());
        Assert.Equal(url, entry.GetProperty("content").GetProperty("src").GetString());
        Assert.Equal("https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json", entry.GetProperty("format").GetProperty("schema").GetString());
        Assert.Equal("2.0", entry.GetProperty("format").GetProperty("version").GetString());
    }

    [Fact]
    public void An_entry_without_summary_leaves_the_summary_out()
    {
        var entry = Feed(Build()).GetProperty("entry").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "FW-2026-1105");

        Assert.False(entry.TryGetProperty("summary", out _));
    }

    [GeneratedRegex("^https://.+\\.json$")]
    private static partial Regex HttpsJsonLink();

    [GeneratedRegex("^[a-zA-Z0-9+\\-_\\.]+$")]
    private static partial Regex FeedId();

    [Fact]
    public void Links_satisfy_the_rules_checkers_apply_to_rolie_feeds()
    {
        // The CSAF ROLIE feed schema used by the BSI checker: https links to .json for the feed's
        // and each entry's self link and content, and a plain feed id.
        var feed = Feed(Build());

        Assert.Matches(FeedId(), feed.GetProperty("id").GetString());
        Assert.Matches(HttpsJsonLink(), feed.GetProperty("link")[0].GetProperty("href").GetString());
        Assert.All(feed.GetProperty("entry").EnumerateArray(), entry =>
        {
            Assert.Matches(HttpsJsonLink(), entry.GetProperty("link")[0].GetProperty("href").GetString());
            Assert.Matches(HttpsJsonLink(), entry.GetProperty("content").GetProperty("src").GetString());
        });
    }

    [Fact]
    public void Non_ascii_titles_stay_readable_utf_8()
    {
        var document = Sample.Document("FW-2026-7", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z") with { Summary = "Schwachstelle in Größe" };

        Assert.Contains("Schwachstelle in Größe", Build([document]), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_published_is_a_feed_with_an_empty_entry_list()
    {
        Assert.Equal(0, Feed(Build([])).GetProperty("entry").GetArrayLength());
    }

    [Fact]
    public void Equal_inputs_give_equal_text()
    {
        Assert.Equal(Build(), Build(Sample.Documents.Reverse()));
    }

    private static JsonElement Feed(string text) => JsonDocument.Parse(text).RootElement.GetProperty("feed").Clone();

    /// <summary>Every path of the document with its JSON kind; array items are merged under "[]".</summary>
    private static SortedSet<string> Shape(string json)
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        Walk(JsonDocument.Parse(json).RootElement, "", shape);
        return shape;
    }

    private static void Walk(JsonElement element, string path, SortedSet<string> shape)
    {
        shape.Add($"{path}:{element.ValueKind}");
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, $"{path}/{property.Name}", shape);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}/[]", shape);
                }
                break;
            default:
                break;
        }
    }
}
