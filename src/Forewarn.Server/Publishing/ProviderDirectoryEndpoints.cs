using System.Net;
using System.Text;
using Forewarn.Csaf.Provider;

namespace Forewarn.Server.Publishing;

/// <summary>
/// The CSAF 2.0 provider directory (spec section 7) under <c>/.well-known/csaf/</c>, open to
/// anyone: provider metadata, the TLP:WHITE folder with one folder per year, index.txt,
/// changes.csv, the ROLIE feed, each document's .sha256/.sha512/.asc, the public OpenPGP key,
/// directory listings, and security.txt pointing at the metadata.
/// </summary>
public static class ProviderDirectoryEndpoints
{
    private const string Listing = "no-cache";
    private const string Document = "public, max-age=60";

    public static void MapProviderDirectory(this IEndpointRouteBuilder app)
    {
        var csaf = app.MapGroup(ProviderLayout.WellKnownPath).WithTags("CSAF provider directory").AllowAnonymous();
        csaf.MapGet("/provider-metadata.json", Metadata).WithSummary("CSAF provider metadata");
        csaf.MapGet("/white/index.txt", Index).WithSummary("Paths of all public documents");
        csaf.MapGet("/white/changes.csv", Changes).WithSummary("Public documents by their latest change, newest first");
        csaf.MapGet($"/white/{ProviderLayout.WhiteFeedFileName}", Feed).WithSummary("ROLIE feed of TLP:WHITE documents");
        // Routing matches a path with or without its trailing slash, so one route serves both "white" and "white/".
        csaf.MapGet("/white", FolderListing).ExcludeFromDescription();
        csaf.MapGet("/white/{year:int}", YearListing).ExcludeFromDescription();
        csaf.MapGet("/white/{year:int}/{file}", File).WithSummary("A public CSAF document, or its .sha256, .sha512 or .asc");
        csaf.MapGet($"/{ProviderLayout.OpenPgpFolder}/{{file}}", PublicKey).WithSummary("The programme's public OpenPGP key");
        app.MapGet("/.well-known/security.txt", SecurityTxt).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> Metadata(HttpContext http, CsafSettings settings, ProgramSigningKey key, ReleasePublisher publisher,
        PublicDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var signing = await key.GetAsync(ct);
        var listed = await directory.ListAsync(clock.GetUtcNow(), ct);
        var updated = listed.Select(l => l.PublishedAt).DefaultIfEmpty(signing.CreatedAt).Max();
        // Earlier keys stay listed after a rotation: the signatures already published were made with them.
        var retired = await key.Retired.ListAsync(ct);
        var json = ProviderMetadata.Build(Layout(http, settings), publisher.Publisher(), [signing.Fingerprint, .. retired.Select(r => r.Id)], updated);
        return Text(http, json, "application/json", Listing);
    }

    private static async Task<IResult> Index(HttpContext http, PublicDirectory directory, TimeProvider clock, CancellationToken ct) =>
        Text(http, IndexTxt.Build((await directory.ListAsync(clock.GetUtcNow(), ct)).Select(l => l.Document)), "text/plain; charset=utf-8", Listing);

    private static async Task<IResult> Changes(HttpContext http, PublicDirectory directory, TimeProvider clock, CancellationToken ct) =>
        Text(http, ChangesCsv.Build((await directory.ListAsync(clock.GetUtcNow(), ct)).Select(l => l.Document)), "text/csv; charset=utf-8", Listing);

    private static async Task<IResult> Feed(HttpContext http, CsafSettings settings, PublicDirectory directory, TimeProvider clock,
        ProgramSigningKey key, CancellationToken ct)
    {
        var listed = await directory.ListAsync(clock.GetUtcNow(), ct);
        var updated = listed.Select(l => l.PublishedAt).DefaultIfEmpty((await key.GetAsync(ct)).CreatedAt).Max();
        var feed = RolieFeed.Build(Layout(http, settings), settings.PublisherName, listed.Select(l => l.Document), updated);
        return Text(http, feed, "application/json", Listing);
    }

    private static async Task<IResult> File(int year, string file, HttpContext http, PublicDirectory directory, TimeProvider clock,
        CancellationToken ct)
    {
        var (name, kind) = Split(file);
        var publication = await directory.DocumentAsync($"{year:D4}/{name}", clock.GetUtcNow(), ct);
        if (publication is null) return Results.NotFound();
        return kind switch
        {
            "" => Bytes(http, publication.Document, "application/json"),
            HashFile.Sha256Extension => Text(http, HashFile.Line(publication.Sha256, name), "text/plain; charset=utf-8", Document),
            HashFile.Sha512Extension => Text(http, HashFile.Line(publication.Sha512, name), "text/plain; charset=utf-8", Document),
            _ => Text(http, publication.Signature, "application/pgp-signature", Document),
        };
    }

    private static async Task<IResult> PublicKey(string file, HttpContext http, ProgramSigningKey key, CancellationToken ct)
    {
        var signing = await key.GetAsync(ct);
        if (string.Equals(file, $"{signing.Fingerprint}.asc", StringComparison.OrdinalIgnoreCase))
            return Text(http, signing.ExportPublicKey(), "application/pgp-keys", Document);
        var retired = (await key.Retired.ListAsync(ct)).FirstOrDefault(r => string.Equals(file, $"{r.Id}.asc", StringComparison.OrdinalIgnoreCase));
        return retired is null ? Results.NotFound() : Text(http, retired.PublicKey, "application/pgp-keys", Document);
    }

    private static async Task<IResult> FolderListing(HttpContext http, PublicDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var listed = await directory.ListAsync(clock.GetUtcNow(), ct);
        string[] entries = ["index.txt", "changes.csv", ProviderLayout.WhiteFeedFileName,
            .. listed.Select(l => l.Document.RelativePath.Split('/')[0] + "/").Distinct()];
        return Html(http, $"{ProviderLayout.WellKnownPath}/white/", entries);
    }

    private static async Task<IResult> YearListing(int year, HttpContext http, PublicDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var listed = (await directory.ListAsync(clock.GetUtcNow(), ct))
            .Where(l => l.Document.RelativePath.StartsWith($"{year:D4}/", StringComparison.Ordinal)).ToList();
        if (listed.Count == 0) return Results.NotFound();
        var entries = listed.SelectMany(l => new[] { "", HashFile.Sha256Extension, HashFile.Sha512Extension, HashFile.SignatureExtension }
            .Select(x => l.Document.FileName + x));
        return Html(http, $"{ProviderLayout.WellKnownPath}/white/{year:D4}/", entries);
    }

    private static IResult SecurityTxt(HttpContext http, CsafSettings settings) =>
        Text(http, $"{Layout(http, settings).SecurityTxtLine}\nContact: mailto:{settings.ContactDetails}\n", "text/plain; charset=utf-8", Listing);

    private static ProviderLayout Layout(HttpContext http, CsafSettings settings) => new(settings.BaseUrl(http.Request));

    private static (string Name, string Kind) Split(string file)
    {
        foreach (var x in new[] { HashFile.Sha256Extension, HashFile.Sha512Extension, HashFile.SignatureExtension })
        {
            if (file.EndsWith(x, StringComparison.Ordinal)) return (file[..^x.Length], x);
        }
        return (file, "");
    }

    private static IResult Text(HttpContext http, string text, string type, string cache) =>
        Bytes(http, Encoding.UTF8.GetBytes(text), type, cache);

    private static IResult Bytes(HttpContext http, byte[] bytes, string type, string cache = Document)
    {
        http.Response.Headers.CacheControl = cache;
        return Results.Bytes(bytes, type);
    }

    private static IResult Html(HttpContext http, string path, IEnumerable<string> entries)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Index of ").Append(WebUtility.HtmlEncode(path))
            .Append("</title></head><body><h1>Index of ").Append(WebUtility.HtmlEncode(path)).Append("</h1><ul>");
        foreach (var e in entries)
            // Absolute paths: the links work whether the listing was asked for with or without its trailing slash.
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(path + e)).Append("\">").Append(WebUtility.HtmlEncode(e)).Append("</a></li>");
        html.Append("</ul></body></html>");
        return Text(http, html.ToString(), "text/html; charset=utf-8", Listing);
    }
}
