using System.Net;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Hosting;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Portal;

/// <summary>
/// What a person sees at the server's address: what this is, its state, where to go next. The page
/// is public, so it gives counts only — never a reference, title or date of anything under embargo.
/// </summary>
public static class LandingPage
{
    public static void MapLandingPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/", Render).ExcludeFromDescription().WithPagePolicy(PagePolicies.StaticPage);

    private static async Task<IResult> Render(ForewarnDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var name = (await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == "program.name", ct))?.Value ?? "Forewarn";
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        var advisories = await db.Advisories.AsNoTracking().ToListAsync(ct);
        var waves = (await db.Waves.AsNoTracking().ToListAsync(ct)).ToLookup(w => w.AdvisoryId);
        var embargoed = advisories.Count(a => a.StateAt(now, waves[a.Id]) is AdvisoryState.Scheduled or AdvisoryState.Notified);
        var receiving = partners.Count(p => Forewarn.Domain.Partners.PartnerStatuses.Receives(p.Status));

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{E(name)}} · Forewarn</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; line-height: 1.5; }
                h1 { margin-bottom: .2rem; } .sub { color: #5a6272; margin-top: 0; }
                .stats { display: flex; gap: 1rem; margin: 1.5rem 0; } .stat { border: 1px solid #d5d9e2; border-radius: .5rem; padding: .8rem 1.2rem; }
                .stat b { display: block; font-size: 1.8rem; } table { border-collapse: collapse; width: 100%; }
                th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e4e7ee; } code { background: #f2f4f8; padding: .1rem .3rem; border-radius: .2rem; }
              </style>
            </head>
            <body>
              <h1>{{E(name)}}</h1>
              <p class="sub">A Forewarn server: a vulnerability early-warning programme that shares embargoed vulnerability details with vetted partners, each seeing exactly what the programme's rules allow, no earlier.</p>
              <div class="stats">
                <div class="stat"><b id="partners">{{partners.Count}}</b>{{Counted.Noun(partners.Count, "partner", "partners")}} ({{receiving}} receiving)</div>
                <div class="stat"><b id="embargoed">{{embargoed}}</b>{{Counted.Noun(embargoed, "advisory", "advisories")}} under embargo</div>
                <div class="stat"><b id="advisories">{{advisories.Count}}</b>{{Counted.Noun(advisories.Count, "advisory", "advisories")}} in all</div>
              </div>
              <p>This page is public, so it shows counts only: what is under embargo, and for whom, is for authenticated staff and partners.</p>
              <h2>Where to go next</h2>
              <ul>
                <li><a href="/portal">Sign in to the portal</a> (staff and partners, in a browser)</li>
                <li><a href="/api/reference">Interactive API reference</a> (from the <a href="/openapi/v1.json">OpenAPI document</a>)</li>
                <li>Authenticate with <code>Authorization: Bearer &lt;api key&gt;</code>. Partners call <code>GET /api/v1/me/advisories</code>; staff manage the programme under <code>/api/v1</code>.</li>
                <li>Demo keys and the demo's portal users are in <code>demo-credentials.json</code> in the server's data directory.</li>
                <li>Every access and change is in a public, append-only Merkle-tree log (RFC 9162): its <a href="/log/v1/checkpoint">latest signed checkpoint</a> and <a href="/.well-known/forewarn/log-key">public key</a>; proofs under <code>/log/v1</code>.</li>
                <li><a href="/health">Health</a></li>
              </ul>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

}
