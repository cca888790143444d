using System.Globalization;

namespace Forewarn.Server.Portal;

/// <summary>
/// Moments as the person reading a portal page lives them, without a script: the time zone they
/// chose (an IANA id kept in the <see cref="CookieName"/> cookie; UTC until they choose) and the
/// page's "now", so every time and countdown on a page is rendered on the server from one clock
/// reading. A moment reads "2026-12-07 14:00 UTC+01:00 (13:00 UTC)": local first, UTC beside it,
/// because the programme's explanations and log entries speak UTC.
/// </summary>
public sealed class PortalTime
{
    /// <summary>The preference cookie: an IANA time-zone id, nothing else.</summary>
    public const string CookieName = "forewarn-portal-tz";

    private PortalTime(TimeZoneInfo zone, DateTimeOffset now) => (Zone, Now) = (zone, now);

    /// <summary>The zone moments are shown in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The page's moment: countdowns count from it.</summary>
    public DateTimeOffset Now { get; }

    public bool IsUtc => Zone.Id == TimeZoneInfo.Utc.Id;

    /// <summary>The zones a person may choose: the system's (IANA ids on Linux), UTC first.</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [TimeZoneInfo.Utc.Id, .. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id != TimeZoneInfo.Utc.Id).Order(StringComparer.Ordinal)];

    /// <summary>The viewer's time for this request: the cookie's zone when it names a known one, UTC otherwise.</summary>
    public static PortalTime Of(HttpRequest request, DateTimeOffset now) =>
        new(Find(request.Cookies[CookieName]) ?? TimeZoneInfo.Utc, now);

    /// <summary>Moments in <paramref name="zone"/>, counted from <paramref name="now"/>.</summary>
    public static PortalTime For(TimeZoneInfo zone, DateTimeOffset now) => new(zone, now);

    /// <summary>A known zone by its id, or null (an unknown or tampered cookie counts as no choice).</summary>
    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && Zones.Contains(id, StringComparer.Ordinal)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>Keeps the choice for a year: readable only by the portal's own pages (HttpOnly, path /portal, SameSite=Strict).</summary>
    public static void Remember(HttpResponse response, TimeZoneInfo zone) =>
        response.Cookies.Append(CookieName, zone.Id, new CookieOptions
        {
            Path = "/portal",
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });

    /// <summary>"2026-12-07 14:00 UTC+01:00 (13:00 UTC)"; the UTC side carries its date when the two dates differ; in UTC just "… UTC".</summary>
    public string Show(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        if (IsUtc) return Domain.Common.Moments.Show(utc);
        var local = TimeZoneInfo.ConvertTime(utc, Zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var zone = $"UTC{sign}{offset.Duration():hh\\:mm}";
        var utcSide = local.Date == utc.Date
            ? utc.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return $"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {zone} ({utcSide})";
    }

    /// <summary>How long until <paramref name="at"/> from the page's moment ("in 3 d 4 h"): the countdown, rendered on the server.</summary>
    public string Until(DateTimeOffset at)
    {
        if (at <= Now) return "now";
        var left = at - Now;
        return left.TotalDays >= 1 ? $"in {(int)left.TotalDays} d {left.Hours} h"
            : left.TotalHours >= 1 ? $"in {(int)left.TotalHours} h {left.Minutes} min"
            : $"in {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min";
    }

    /// <summary>The zone's name as the page states it: its id and its offset now.</summary>
    public string ZoneName => IsUtc ? "UTC" : $"{Zone.Id} (UTC{(Zone.GetUtcOffset(Now) < TimeSpan.Zero ? "-" : "+")}{Zone.GetUtcOffset(Now).Duration():hh\\:mm} now)";
}
