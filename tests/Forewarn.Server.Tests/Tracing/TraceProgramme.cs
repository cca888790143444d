using System.Net;
using System.Text;
using Forewarn.Domain.Common;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tracing;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>The artifacts of the advisory the trace tests add: a marked description, a marked Python PoC and an unmarked notice.</summary>
internal sealed record TracedAdvisory(string Reference, string Description, string Poc, string Notice);

/// <summary>Adds a realistic advisory to trace, and makes partners' copies through the server's own marking.</summary>
internal static class TraceProgramme
{
    public static async Task<TracedAdvisory> AddAdvisoryAsync(HttpClient staff, string reference = "FW-2026-5150")
    {
        await staff.PostJson("/api/v1/advisories", new
        {
            reference, title = "Unauthenticated deserialisation in the Northwind Gateway management interface",
            cveIds = new[] { "CVE-2026-31337" }, products = new[] { "Northwind Gateway 4" },
            cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", releaseAt = ForewarnFactory.Start.AddDays(10),
        }, HttpStatusCode.Created);
        var description = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            new { title = "Technical description", @class = "description", tlp = "amber", text = TracingSamples.Advisory }, HttpStatusCode.Created);
        var poc = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts", new
        {
            title = "Proof of concept (header overflow)", @class = "poc", tlp = "red", text = TracingSamples.PythonPoc,
            mediaType = "text/x-python; charset=utf-8", fileName = "halcyon_overflow.py",
        }, HttpStatusCode.Created);
        var notice = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            new { title = "Advance notice", @class = "notice", tlp = "amber", text = "A fix for Northwind Gateway is coming on 8 December." },
            HttpStatusCode.Created);
        return new TracedAdvisory(reference, (string)description["id"]!, (string)poc["id"]!, (string)notice["id"]!);
    }

    /// <summary>
    /// The partner's own copy, rendered by the server's <see cref="ArtifactMarking"/> exactly as it is
    /// served (the partner endpoints serve the same bytes).
    /// </summary>
    public static async Task<string> CopyForAsync(ForewarnFactory factory, string artifactId, Guid partner)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var id = new ArtifactId(Guid.Parse(artifactId));
        var artifact = await db.Artifacts.AsNoTracking().SingleAsync(a => a.Id == id);
        var content = await db.ArtifactContents.AsNoTracking().SingleAsync(c => c.ArtifactId == id);
        var copy = await factory.Services.GetRequiredService<ArtifactMarking>()
            .CopyForAsync(artifact, content.Bytes, new PartnerId(partner), CancellationToken.None);
        Assert.True(copy.Marks > 0, "The test artifact must carry marks.");
        return Encoding.UTF8.GetString(copy.Bytes);
    }

    /// <summary>What happens to a text on its way out by mail: cut to a fragment, paragraphs re-wrapped at 50 columns with CRLF, quotes made typographic.</summary>
    public static string Mangled(string copy)
    {
        var fragment = copy[(copy.Length / 20)..(copy.Length * 9 / 10)];
        var mail = new StringBuilder();
        foreach (var paragraph in fragment.Split("\n\n"))
        {
            var column = 0;
            foreach (var word in paragraph.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var typographic = word.Replace("'", "\u2019", StringComparison.Ordinal).Replace("\"", "\u201d", StringComparison.Ordinal);
                if (column > 0 && column + typographic.Length > 50)
                {
                    mail.Append("\r\n");
                    column = 0;
                }
                else if (column > 0) mail.Append(' ');
                mail.Append(typographic);
                column += typographic.Length + 1;
            }
            mail.Append("\r\n\r\n");
        }
        return mail.ToString();
    }
}
