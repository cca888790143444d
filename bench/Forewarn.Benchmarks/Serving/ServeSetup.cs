using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Forewarn.Benchmarks.Http;
using Forewarn.Domain.Partners;

namespace Forewarn.Benchmarks.Serving;

/// <summary>What the serving benchmark downloads, and who downloads it.</summary>
public sealed record ServeSubjects(string PocId, int PocBytes, int PocMarks, double PrepareSeconds, string IndicatorsId, int IndicatorsBytes,
    IReadOnlyList<string> PartnerKeys)
{
    /// <summary>Partners whose first copies warm the server up before anything is measured (not among <see cref="PartnerKeys"/>).</summary>
    public IReadOnlyList<string> WarmUpKeys { get; init; } = [];

    /// <summary>With <c>--demo</c>: the demo's technical description (marked) and a notice of its size (served as it is).</summary>
    public string? DescriptionId { get; init; }

    public string? NoticeId { get; init; }

    /// <summary>What the cold and repeat phases download per partner.</summary>
    public IReadOnlyList<string> Marked => DescriptionId is null ? [PocId] : [PocId, DescriptionId];

    /// <summary>What the unmarked phase downloads: artifacts served as they are, of the marked ones' sizes.</summary>
    public IReadOnlyList<string> Unmarked => NoticeId is null ? [IndicatorsId] : [IndicatorsId, NoticeId];
}

/// <summary>
/// Sets the serving benchmark up on a running server: an advisory released in two hours, a Python
/// PoC of about the requested size (the tracing tests' sample, repeated with its functions renamed)
/// and an indicators file of the same size, one wave publishing both now (proposed by the demo's
/// staff member, approved by the second, as a PoC wave needs four eyes), and N Trusted partners
/// (straight into the store, as the fan-out driver does) each with a partner key (through the API).
/// </summary>
public static class ServeSetup
{
    public static async Task<ServeSubjects> PrepareAsync(HttpClient staff, string root, string dataDirectory, string? postgres, int kilobytes,
        int partners, int warmUpPartners, bool demo, CancellationToken ct)
    {
        var reference = $"FW-2026-{Random.Shared.Next(9000, 9999)}";
        await PostAsync(staff, "/api/v1/advisories", new
        {
            reference, title = "Heap overflow in the Halcyon Gateway header parser", summary = "A folded header overflows the parser's buffer.",
            cveIds = new[] { "CVE-2026-99001" }, products = new[] { "Halcyon Gateway 5" }, releaseAt = DateTimeOffset.UtcNow.AddHours(2),
        }, ct);
        await PostAsync(staff, $"/api/v1/advisories/{reference}/schedule", new { }, ct);

        var poc = demo
            ? File.ReadAllText(Path.Combine(root, "src/Forewarn.Server/Demo/Content/toolpane_poc.py"))
            : PythonPoc(File.ReadAllText(Path.Combine(root, "tests/Forewarn.Tracing.Tests/Code/Samples/halcyon_overflow.py")), kilobytes * 1024);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var added = await PostAsync(staff, $"/api/v1/advisories/{reference}/artifacts", new
        {
            title = "Proof of concept", @class = "poc", tlp = "RED", text = poc, fileName = "gateway_overflow.py", mediaType = "text/x-python",
        }, ct);
        started.Stop();
        var indicators = Indicators(Encoding.UTF8.GetByteCount(poc));
        var listed = await PostAsync(staff, $"/api/v1/advisories/{reference}/artifacts", new
        {
            title = "Indicators", @class = "indicators", tlp = "AMBER", text = indicators, mediaType = "text/csv",
        }, ct);
        var published = new List<string> { (string)added["id"]!, (string)listed["id"]! };
        string? descriptionId = null, noticeId = null;
        if (demo)
        {
            var text = File.ReadAllText(Path.Combine(root, "src/Forewarn.Server/Demo/Content/toolpane_description.txt"));
            descriptionId = (string)(await PostAsync(staff, $"/api/v1/advisories/{reference}/artifacts", new
            {
                title = "Technical description", @class = "description", tlp = "AMBER", text, mediaType = "text/plain",
            }, ct))["id"]!;
            noticeId = (string)(await PostAsync(staff, $"/api/v1/advisories/{reference}/artifacts", new
            {
                title = "Notice", @class = "notice", tlp = "AMBER", text = Indicators(Encoding.UTF8.GetByteCount(text)), mediaType = "text/plain",
            }, ct))["id"]!;
            published.AddRange([descriptionId, noticeId]);
        }
        // A wave that publishes PoC code needs a second staff member (four eyes, on in the demo):
        // the first proposes it (202), the second approves, and the wave goes out as proposed.
        var wave = await PostAsync(staff, $"/api/v1/advisories/{reference}/waves", new
        {
            kind = "initial", at = DateTimeOffset.UtcNow, artifactIds = published,
        }, ct);
        if ((string?)wave["action"] == "poc-wave")
            await PostAsync(staff, $"/api/v1/approvals/{(string)wave["id"]!}/approve", new { }, ct, await SecondStaffKeyAsync(dataDirectory, ct));

        var ids = await AddPartnersAsync(dataDirectory, postgres, partners + warmUpPartners, ct);
        var keys = new List<string>();
        foreach (var id in ids)
        {
            var issued = await PostAsync(staff, "/api/v1/keys", new { owner = "partner", partnerId = id, name = "serving benchmark", scopes = new[] { "partner:read" } }, ct);
            keys.Add((string)issued["token"]!);
        }
        return new ServeSubjects((string)added["id"]!, (int)added["size"]!, (int)added["fingerprint"]!["sites"]!, started.Elapsed.TotalSeconds,
            (string)listed["id"]!, (int)listed["size"]!, keys[warmUpPartners..])
        {
            WarmUpKeys = keys[..warmUpPartners],
            DescriptionId = descriptionId,
            NoticeId = noticeId,
        };
    }

    /// <summary>
    /// The sample repeated until it is <paramref name="bytes"/> long, every name in each repetition
    /// given its own suffix (keywords and one- and two-letter words, such as string prefixes, kept):
    /// one long script whose parts do not repeat each other, as mark sites must be told apart.
    /// </summary>
    public static string PythonPoc(string sample, int bytes)
    {
        var poc = new StringBuilder(sample);
        for (var i = 1; poc.Length < bytes; i++)
        {
            var part = Regex.Replace(sample.Replace("#!/usr/bin/env python3", "", StringComparison.Ordinal)
                .Replace("# -*- coding: utf-8 -*-", "", StringComparison.Ordinal), @"\b[A-Za-z_][A-Za-z0-9_]{2,}\b",
                m => Keywords.Contains(m.Value) ? m.Value : $"{m.Value}_{i}");
            poc.Append("\n\n").Append(part);
        }
        return poc.ToString();
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield", "match", "case", "type",
    };

    /// <summary>An indicators file of about <paramref name="bytes"/> bytes (served as it is).</summary>
    public static string Indicators(int bytes)
    {
        var csv = new StringBuilder("type,value,comment\n");
        for (var i = 0; csv.Length < bytes; i++)
            csv.Append($"sha256,{Convert.ToHexStringLower(BitConverter.GetBytes((long)i * 7919)).PadLeft(64, '0')},sample {i} seen in testing\n");
        return csv.ToString();
    }

    private static async Task<List<Guid>> AddPartnersAsync(string dataDirectory, string? postgres, int n, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var ids = new List<Guid>();
        await using var db = DriverRun.OpenStore(dataDirectory, postgres);
        for (var i = 1; i <= n; i++)
        {
            var partner = Partner.Create($"Serving Partner {i:0000} GmbH", "DE", ["DE"], PartnerCategory.AntivirusEdr, "Trusted",
                Contract.Create("NDA-2026", now.AddDays(-30), now.AddYears(2)), now.AddDays(-1), "serving benchmark");
            partner.ChangeStatus(PartnerStatus.Active, "Serving benchmark", now.AddDays(-1), "serving benchmark");
            db.Partners.Add(partner);
            ids.Add(partner.Id.Value);
        }
        await db.SaveChangesAsync(ct);
        return ids;
    }

    /// <summary>POSTs as the client's staff member, or as the holder of <paramref name="key"/>.</summary>
    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body, CancellationToken ct, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"POST {path} answered nothing.");
    }

    internal static Task<string> StaffKeyAsync(string data, CancellationToken ct) => DemoKeyAsync(data, "staff", ct);

    /// <summary>The demo's second staff member's key: the one who approves what the first proposes.</summary>
    private static Task<string> SecondStaffKeyAsync(string data, CancellationToken ct) => DemoKeyAsync(data, "secondStaff", ct);

    private static async Task<string> DemoKeyAsync(string data, string member, CancellationToken ct)
    {
        var path = Path.Combine(data, "demo-credentials.json");
        for (var i = 0; i < 40 && !File.Exists(path); i++) await Task.Delay(250, ct);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return json.RootElement.GetProperty(member).GetProperty("apiKey").GetString()!;
    }
}
