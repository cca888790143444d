using System.Net;
using System.Net.Sockets;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;

namespace Forewarn.Server.Tests.Security;

/// <summary>
/// Finding 4 of issue 13 (headers): every answer — JSON, content, HTML, problems, TAXII — carries
/// nosniff and no-referrer; HTML cannot be framed; the request-size refusals are problems where
/// the framework lets them be. Over real HTTP: Kestrel writes some answers itself.
/// </summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync()
    {
        _f.OnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static void Common(HttpResponseMessage r)
    {
        var what = $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri} ({(int)r.StatusCode})";
        Assert.True(r.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", $"{what}: no nosniff");
        Assert.True(r.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", $"{what}: no Referrer-Policy");
    }

    private static void NotHtml(HttpResponseMessage r)
    {
        Common(r);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single());
    }

    private static void Html(HttpResponseMessage r)
    {
        Common(r);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.EndsWith("frame-ancestors 'none'", r.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_answers_content_downloads_problems_and_TAXII_carry_the_headers()
    {
        var partner = _f.Partner(DemoFacts.Trusted);
        var json = await partner.GetAsync("/api/v1/me/advisories");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        NotHtml(json);
        Assert.False(json.Headers.Contains("X-Frame-Options"));

        var description = await DemoFacts.ArtifactId(_f.Staff(), DemoFacts.Replay, "description");
        var content = await partner.GetAsync($"/api/v1/me/artifacts/{description}/content");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Common(content);
        // A partner's copy is a file whatever its type: sandboxed, so even opened as a page it has no origin and runs nothing.
        Assert.Equal("default-src 'none'; sandbox; frame-ancestors 'none'", content.Headers.GetValues("Content-Security-Policy").Single());

        foreach (var problem in new[]
                 {
                     await _f.CreateClient().GetAsync("/api/v1/partners"),          // 401, written by authentication
                     await partner.GetAsync("/api/v1/partners"),                    // 403
                     await partner.GetAsync("/no/such/thing"),                      // 404, written by the framework
                     await partner.GetAsync($"/api/v1/me/advisories/{Guid.NewGuid()}"), // 404, written by an endpoint
                 })
        {
            Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
            NotHtml(problem);
        }

        var taxii = await _f.Partner(DemoFacts.Trusted).AcceptingTaxii().GetAsync("/taxii2/");
        Assert.Equal(HttpStatusCode.OK, taxii.StatusCode);
        NotHtml(taxii);
        NotHtml(await _f.CreateClient().GetAsync("/log/v1/checkpoint"));
    }

    [Fact]
    public async Task Html_pages_cannot_be_framed_and_the_landing_page_runs_nothing()
    {
        var landing = await _f.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Html(landing);
        var policy = landing.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);

        // The API reference (Scalar, its own scripts) keeps its own loading but still cannot be framed.
        var reference = await _f.CreateClient().GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Html(reference);
    }

    [Fact]
    public async Task Too_long_targets_and_headers_are_problems_up_to_twice_the_limit_and_Kestrels_bare_answers_beyond()
    {
        var client = _f.CreateClient();
        var longTarget = await client.GetAsync("/api/v1/partners?q=" + new string('a', 9_000));
        await longTarget.Problem(HttpStatusCode.RequestUriTooLong, "uri-too-long");
        NotHtml(longTarget);

        var big = new HttpRequestMessage(HttpMethod.Get, "/health");
        big.Headers.TryAddWithoutValidation("X-Padding", new string('b', 40_000));
        var bigHeaders = await client.SendAsync(big);
        await bigHeaders.Problem(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
        NotHtml(bigHeaders);

        // Past Kestrel's own limits (twice ours) Kestrel answers before any middleware, with no body: documented, not changeable.
        var huge = await client.GetAsync("/api/v1/partners?q=" + new string('a', 20_000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, huge.StatusCode);
        Assert.Empty(await huge.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bad_bytes_in_the_request_line_are_Kestrels_bare_400_or_the_servers_problem_never_a_5xx()
    {
        var address = _f.ClientOptions.BaseAddress;
        var answers = new List<string>();
        foreach (var b in Enumerable.Range(0, 0x20).Append(0x7F).Append(0x80).Append(0xFF))
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(address.Host, address.Port);
            var stream = tcp.GetStream();
            byte[] line = [.. "GET /api/v1/a"u8.ToArray(), (byte)b, .. "b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"u8.ToArray()];
            await stream.WriteAsync(line);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            var answer = await reader.ReadToEndAsync();
            var head = answer.Split("\r\n\r\n")[0];
            var status = head.Split("\r\n")[0];
            answers.Add($"0x{b:X2}: {status}");
            Assert.Matches("^HTTP/1.1 4\\d\\d ", status);
            // Either Kestrel refused the request line itself (a bare 400, nothing of ours ran) or the server answered, with its headers.
            var kestrels = status.StartsWith("HTTP/1.1 400", StringComparison.Ordinal) && head.Contains("Content-Length: 0", StringComparison.OrdinalIgnoreCase);
            if (!kestrels)
            {
                Assert.Contains("X-Content-Type-Options: nosniff", head, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("Content-Type: application/problem+json", head, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.Contains(answers, a => a.Contains(" 400 ", StringComparison.Ordinal)); // some bytes Kestrel refuses by itself
    }
}
