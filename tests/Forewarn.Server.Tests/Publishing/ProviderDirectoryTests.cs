using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Forewarn.Csaf.Provider;
using Forewarn.Csaf.Signing;
using Forewarn.Csaf.Validation;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Tests.Shared;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Forewarn.Server.Tests.Publishing;

/// <summary>
/// The CSAF provider directory checked file by file, the way an outside CSAF checker walks it: from
/// provider-metadata.json to the key, the feed, index.txt and changes.csv, and from there to every
/// document with its hashes and signature — after the demo's FW-2025-0708 and two new advisories
/// are released.
/// </summary>
public sealed partial class ProviderDirectoryTests : IAsyncLifetime
{
    private const string Folder = "/.well-known/csaf";
    private const string White = Folder + "/white";
    private const string First = "FW-2026-9301";
    private const string Second = "FW-2026-9302";

    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    /// <summary>Releases two advisories an hour apart and waits until the demo's released advisory is published too.</summary>
    private async Task<HttpClient> ReleaseTwoAsync()
    {
        var staff = _f.Staff();
        var anyone = _f.CreateClient();
        await Releases.ScheduleAsync(staff, First, ForewarnFactory.Start.AddHours(1), "CVE-2026-41301");
        await Releases.ScheduleAsync(staff, Second, ForewarnFactory.Start.AddHours(2), "CVE-2026-41302");
        _f.Clock.SetUtcNow(ForewarnFactory.Start.AddHours(1));
        await Releases.PassAsync(_f);
        _f.Clock.SetUtcNow(ForewarnFactory.Start.AddHours(2));
        await Releases.PassAsync(_f);
        await Releases.EventuallyAsync(async () =>
            (await IndexAsync(anyone)).Count == 3, "the demo's FW-2025-0708 and both new advisories are in index.txt");
        return anyone;
    }

    private static async Task<List<string>> IndexAsync(HttpClient anyone)
    {
        var index = await anyone.GetStringAsync($"{White}/index.txt");
        return [.. index.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static async Task<JsonNode> MetadataAsync(HttpClient anyone) => await anyone.GetJson($"{Folder}/provider-metadata.json");

    private static async Task<string> PublicKeyAsync(HttpClient anyone, JsonNode metadata)
    {
        var key = Assert.Single(metadata["public_openpgp_keys"]!.AsArray())!;
        return await anyone.GetStringAsync(PathOf((string)key["url"]!));
    }

    private static string FingerprintOf(string armoredPublicKey)
    {
        using var packets = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(armoredPublicKey)));
        var ring = Assert.Single(new PgpPublicKeyRingBundle(packets).GetKeyRings());
        return Convert.ToHexString(ring.GetPublicKey().GetFingerprint());
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    private static async Task<List<string>> ListingAsync(HttpClient anyone, string url)
    {
        var response = await anyone.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        // Links are absolute paths into the listed folder; return them relative to it.
        var folder = url.TrimEnd('/') + "/";
        var links = Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.All(links, l => Assert.StartsWith(folder, l, StringComparison.Ordinal));
        return [.. links.Select(l => l[folder.Length..])];
    }

    [Fact]
    public async Task Provider_metadata_is_valid_and_names_the_role_the_feed_the_directory_and_the_key()
    {
        var anyone = await ReleaseTwoAsync();
        var response = await anyone.GetAsync($"{Folder}/provider-metadata.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var metadata = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var validation = CsafValidator.ValidateProviderMetadata(metadata);
        Assert.True(validation.IsValid, string.Join("\n", validation.Failures));
        Assert.Equal("csaf_trusted_provider", (string?)metadata["role"]);
        Assert.Equal("http://localhost/.well-known/csaf/provider-metadata.json", (string?)metadata["canonical_url"]);
        var distributions = metadata["distributions"]!.AsArray();
        Assert.Contains(distributions, d => (string?)d!["directory_url"] == "http://localhost/.well-known/csaf/white");
        var feed = Assert.Single(distributions.SelectMany(d => d!["rolie"]?["feeds"]?.AsArray() ?? []))!;
        Assert.Equal("http://localhost/.well-known/csaf/white/csaf-feed-tlp-white.json", (string?)feed["url"]);
        Assert.Equal("WHITE", (string?)feed["tlp_label"]);
        var key = Assert.Single(metadata["public_openpgp_keys"]!.AsArray())!;
        Assert.Matches("^[0-9A-F]{40}$", (string?)key["fingerprint"]);
        Assert.Equal($"http://localhost/.well-known/csaf/openpgp/{(string?)key["fingerprint"]}.asc", (string?)key["url"]);
        // The publisher is the one the documents carry (requirement 7).
        var document = await anyone.GetJson(Releases.DocumentUrl(First));
        Assert.True(JsonNode.DeepEquals(document["document"]!["publisher"], metadata["publisher"]));
    }

    [Fact]
    public async Task The_key_at_the_listed_url_is_an_armored_public_key_with_the_listed_fingerprint()
    {
        var anyone = await ReleaseTwoAsync();
        var metadata = await MetadataAsync(anyone);
        var listed = (string)metadata["public_openpgp_keys"]![0]!["fingerprint"]!;

        var response = await anyone.GetAsync(PathOf((string)metadata["public_openpgp_keys"]![0]!["url"]!));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pgp-keys", response.Content.Headers.ContentType?.MediaType);
        var armored = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----", armored, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", armored, StringComparison.Ordinal);
        Assert.Equal(listed, FingerprintOf(armored));
    }

    [Fact]
    public async Task Every_indexed_document_is_valid_named_by_its_tracking_id_in_its_year_folder_hashed_and_signed()
    {
        var anyone = await ReleaseTwoAsync();
        var key = await PublicKeyAsync(anyone, await MetadataAsync(anyone));
        var paths = await IndexAsync(anyone);
        Assert.Equal(["2025/fw-2025-0708.json", Releases.PathOf(First), Releases.PathOf(Second)], paths);

        var signatures = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            var url = $"{White}/{path}";
            var response = await anyone.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = Encoding.UTF8.GetString(bytes);
            var validation = CsafValidator.Validate(text);
            Assert.True(validation.IsValid, $"{path}:\n{string.Join("\n", validation.Failures)}");

            var tracking = JsonNode.Parse(text)!["document"]!["tracking"]!;
            var (year, fileName) = (path.Split('/')[0], path.Split('/')[1]);
            Assert.Equal(CsafFileName.For((string)tracking["id"]!), fileName);
            var initial = DateTimeOffset.Parse((string)tracking["initial_release_date"]!, CultureInfo.InvariantCulture);
            Assert.Equal(initial.UtcDateTime.Year.ToString("D4", CultureInfo.InvariantCulture), year);
            Assert.Equal("final", (string?)tracking["status"]);

            Assert.Equal($"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {fileName}\n", await anyone.GetStringAsync(url + ".sha256"));
            Assert.Equal($"{Convert.ToHexStringLower(SHA512.HashData(bytes))}  {fileName}\n", await anyone.GetStringAsync(url + ".sha512"));

            var signature = await anyone.GetAsync(url + ".asc");
            Assert.Equal(HttpStatusCode.OK, signature.StatusCode);
            Assert.Equal("application/pgp-signature", signature.Content.Headers.ContentType?.MediaType);
            var armored = await signature.Content.ReadAsStringAsync();
            Assert.StartsWith("-----BEGIN PGP SIGNATURE-----", armored, StringComparison.Ordinal);
            Assert.True(DetachedSignature.Verify(bytes, armored, key), $"{path}.asc does not verify with the published key");
            var tampered = (byte[])bytes.Clone();
            tampered[bytes.Length / 2] ^= 0x20;
            Assert.False(DetachedSignature.Verify(tampered, armored, key), $"{path}.asc verifies bytes that were changed");
            Assert.False(DetachedSignature.Verify(bytes[..^1], armored, key), $"{path}.asc verifies a truncated document");
            signatures[path] = armored;
        }
        // A signature belongs to its own document only.
        var secondBytes = await anyone.GetByteArrayAsync(Releases.DocumentUrl(Second));
        Assert.False(DetachedSignature.Verify(secondBytes, signatures[Releases.PathOf(First)], key));
    }

    [Fact]
    public async Task Changes_csv_lists_exactly_the_indexed_paths_with_their_current_release_dates_newest_first()
    {
        var anyone = await ReleaseTwoAsync();
        var response = await anyone.GetAsync($"{White}/changes.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Assert.Single(ChangesLine().Matches(line)))
            .Select(m => (Path: m.Groups[1].Value, Date: m.Groups[2].Value))
            .ToList();

        Assert.Equal((await IndexAsync(anyone)).Order(StringComparer.Ordinal), rows.Select(r => r.Path).Order(StringComparer.Ordinal));
        foreach (var (path, date) in rows)
        {
            var document = await anyone.GetJson($"{White}/{path}");
            Assert.Equal((string?)document["document"]!["tracking"]!["current_release_date"], date);
        }
        var dates = rows.Select(r => DateTimeOffset.Parse(r.Date, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal([Releases.PathOf(Second), Releases.PathOf(First), "2025/fw-2025-0708.json"], rows.Select(r => r.Path));
    }

    [GeneratedRegex("^\"([^\"]+)\",\"([^\"]+)\"$")]
    private static partial Regex ChangesLine();

    [Fact]
    public async Task The_rolie_feed_lists_every_document_with_links_to_it_its_hashes_and_its_signature_and_nothing_else()
    {
        var anyone = await ReleaseTwoAsync();
        var metadata = await MetadataAsync(anyone);
        var feedUrl = (string)metadata["distributions"]!.AsArray().Select(d => d!["rolie"]?["feeds"]?[0]?["url"]).First(u => u is not null)!;
        var response = await anyone.GetAsync(PathOf(feedUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var feed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["feed"]!;
        Assert.Equal(feedUrl, (string?)Assert.Single(feed["link"]!.AsArray())!["href"]);

        var paths = await IndexAsync(anyone);
        var entries = feed["entry"]!.AsArray();
        Assert.Equal(paths.Count, entries.Count);
        foreach (var path in paths)
        {
            var document = await anyone.GetJson($"{White}/{path}");
            var id = (string)document["document"]!["tracking"]!["id"]!;
            var entry = Assert.Single(entries, e => (string?)e!["id"] == id)!;
            var url = $"http://localhost{White}/{path}";
            Assert.Equal(
                [("self", url), ("hash", url + ".sha256"), ("hash", url + ".sha512"), ("signature", url + ".asc")],
                entry["link"]!.AsArray().Select(l => ((string)l!["rel"]!, (string)l["href"]!)));
            Assert.Equal(url, (string?)entry["content"]!["src"]);
            Assert.Equal((string?)document["document"]!["title"], (string?)entry["title"]);
            Assert.Equal((string?)document["document"]!["tracking"]!["current_release_date"], (string?)entry["updated"]);
            foreach (var link in entry["link"]!.AsArray())
                Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(PathOf((string)link!["href"]!))).StatusCode);
        }
    }

    [Fact]
    public async Task The_white_folder_and_its_year_folders_have_directory_listings_of_their_files()
    {
        var anyone = await ReleaseTwoAsync();

        Assert.Equal(["index.txt", "changes.csv", "csaf-feed-tlp-white.json", "2025/", "2026/"], await ListingAsync(anyone, $"{White}/"));
        Assert.Equal(await ListingAsync(anyone, $"{White}/"), await ListingAsync(anyone, White));

        string[] suffixes = ["", ".sha256", ".sha512", ".asc"];
        var year2026 = await ListingAsync(anyone, $"{White}/2026/");
        Assert.Equal(new[] { First, Second }.SelectMany(r => suffixes.Select(s => CsafFileName.For(r) + s)).Order(StringComparer.Ordinal),
            year2026.Order(StringComparer.Ordinal));
        Assert.Equal(year2026, await ListingAsync(anyone, $"{White}/2026"));
        Assert.Equal(suffixes.Select(s => "fw-2025-0708.json" + s), await ListingAsync(anyone, $"{White}/2025/"));
        // Every listed entry is there to fetch, relative to the listing.
        foreach (var file in year2026)
            Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"{White}/2026/{file}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"{White}/2031/")).StatusCode);
    }

    [Fact]
    public async Task Security_txt_starts_with_the_csaf_line_naming_the_metadata_url()
    {
        var anyone = _f.CreateClient();
        var response = await anyone.GetAsync("/.well-known/security.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("CSAF: http://localhost/.well-known/csaf/provider-metadata.json\n", text, StringComparison.Ordinal);
        var metadata = await MetadataAsync(anyone);
        Assert.Equal($"CSAF: {(string?)metadata["canonical_url"]}", text.Split('\n')[0]);
    }

    [Fact]
    public async Task With_a_public_url_configured_every_provider_url_starts_with_it()
    {
        const string publicUrl = "https://psirt.halcyon.example";
        _f.Settings["csaf:publicUrl"] = publicUrl;
        var anyone = await ReleaseTwoAsync();
        var metadata = await MetadataAsync(anyone);
        var feed = await anyone.GetJson($"{White}/csaf-feed-tlp-white.json");

        // The publisher's namespace and the CSAF schema URL name other sites by design; every URL that points
        // into the provider directory must use the public base.
        var urls = new List<string?> { (string?)metadata["canonical_url"] };
        urls.AddRange(metadata["distributions"]!.AsArray().Select(d => (string?)d!["directory_url"]).Where(u => u is not null));
        urls.AddRange(metadata["distributions"]!.AsArray().SelectMany(d => d!["rolie"]?["feeds"]?.AsArray() ?? []).Select(f => (string?)f!["url"]));
        urls.AddRange(metadata["public_openpgp_keys"]!.AsArray().Select(k => (string?)k!["url"]));
        urls.AddRange(feed["feed"]!["link"]!.AsArray().Select(l => (string?)l!["href"]));
        foreach (var entry in feed["feed"]!["entry"]!.AsArray())
        {
            urls.AddRange(entry!["link"]!.AsArray().Select(l => (string?)l!["href"]));
            urls.Add((string?)entry["content"]!["src"]);
        }
        Assert.Equal(1 + 1 + 1 + 1 + 1 + 3 * 5, urls.Count);
        Assert.All(urls, u => Assert.StartsWith(publicUrl + "/.well-known/csaf/", u, StringComparison.Ordinal));
        Assert.StartsWith($"CSAF: {publicUrl}/.well-known/csaf/provider-metadata.json\n",
            await anyone.GetStringAsync("/.well-known/security.txt"), StringComparison.Ordinal);
        // The metadata still passes the provider schema with the public base.
        Assert.True(CsafValidator.ValidateProviderMetadata(metadata).IsValid);
        // Each document states its canonical URL as its self reference (CSAF 6.2.11).
        foreach (var entry in feed["feed"]!["entry"]!.AsArray())
        {
            var src = (string)entry!["content"]!["src"]!;
            var document = await anyone.GetJson(src[publicUrl.Length..]);
            var self = document["document"]!["references"]!.AsArray().Single(r => (string?)r!["category"] == "self")!;
            Assert.Equal(src, (string?)self["url"]);
            Assert.True(CsafValidator.Validate(document.ToJsonString()).IsValid);
        }
    }

    [Fact]
    public async Task Unknown_paths_in_the_directory_are_404()
    {
        var anyone = await ReleaseTwoAsync();
        string[] unknown =
        [
            $"{White}/2026/fw-2026-0000.json",
            $"{White}/2026/fw-2026-0000.json.sha256",
            $"{White}/2026/fw-2026-0000.json.sha512",
            $"{White}/2026/fw-2026-0000.json.asc",
            $"{White}/2025/{CsafFileName.For(First)}", // a real document in the wrong year folder
            $"{White}/2031/fw-2031-0101.json",
            $"{Folder}/openpgp/{new string('0', 40)}.asc",
        ];
        foreach (var url in unknown)
            Assert.True((await anyone.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, $"{url} should be 404");
    }

    [Fact]
    public async Task The_embargoed_demo_advisory_shows_in_no_tlp_white_listing()
    {
        var anyone = await ReleaseTwoAsync();
        var embargoed = DemoFacts.EmbargoReference(_f);
        var release = DateTimeOffset.Parse((string)(await DemoFacts.Advisory(_f.Staff(), embargoed))["releaseAt"]!, CultureInfo.InvariantCulture);
        _f.Clock.SetUtcNow(release.AddTicks(-1));
        await Releases.PassAsync(_f);

        var fileName = CsafFileName.For(embargoed);
        string[] listings =
        [
            $"{White}/index.txt", $"{White}/changes.csv", $"{White}/csaf-feed-tlp-white.json", $"{White}/", $"{White}/2026/",
            $"{Folder}/provider-metadata.json",
        ];
        foreach (var url in listings)
        {
            var text = await anyone.GetStringAsync(url);
            Assert.DoesNotContain(fileName, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(embargoed, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.False(await Releases.AnywherePublicAsync(anyone, embargoed));
        Assert.Equal(3, (await IndexAsync(anyone)).Count);
    }

    [GnuPgFact]
    public async Task GnuPG_verifies_a_downloaded_document_with_the_published_key()
    {
        var anyone = await ReleaseTwoAsync();
        var key = await PublicKeyAsync(anyone, await MetadataAsync(anyone));
        var document = await anyone.GetByteArrayAsync(Releases.DocumentUrl(First));
        var signature = await anyone.GetStringAsync(Releases.DocumentUrl(First) + ".asc");

        using var gpg = new GnuPg();
        var imported = gpg.Run("--import", gpg.WriteFile("key.asc", Encoding.ASCII.GetBytes(key)));
        Assert.True(imported.ExitCode == 0, imported.Output);
        var good = gpg.Run("--verify", gpg.WriteFile("doc.json.asc", Encoding.ASCII.GetBytes(signature)), gpg.WriteFile("doc.json", document));
        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Contains("[GNUPG:] GOODSIG", good.Output, StringComparison.Ordinal);
        Assert.Contains(FingerprintOf(key), good.Output, StringComparison.Ordinal);

        document[^2] ^= 0x01;
        var bad = gpg.Run("--verify", Path.Combine(gpg.Home, "doc.json.asc"), gpg.WriteFile("doc.json", document));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("[GNUPG:] BADSIG", bad.Output, StringComparison.Ordinal);
    }
}
