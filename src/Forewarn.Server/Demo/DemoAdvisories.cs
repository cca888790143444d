using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Storage;

namespace Forewarn.Server.Demo;

/// <summary>
/// The demo's advisories: the 2025 collaboration-server replay (three waves, a PoC, detection
/// guidance, the emergency revision) and one under embargo now, with waves still to come.
/// </summary>
internal static class DemoAdvisories
{
    private const string Actor = "staff:demo";

    /// <summary>The 2025 collaboration-server replay.</summary>
    public const string Replay = "FW-2025-0708";

    private static DateTimeOffset Utc(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, TimeSpan.Zero);

    public static void AddReplay(ForewarnDb db)
    {
        var a = Advisory.Create(Replay, "Remote code execution in Halcyon Collaboration Server through the ToolPane endpoint",
            "An unauthenticated attacker can send a crafted request to the ToolPane endpoint of on-premises Halcyon Collaboration " +
            "Server and have the server deserialize attacker-controlled data, leading to code execution as the service account. " +
            "A related spoofing flaw lets the request bypass authentication.",
            ["CVE-2025-90701", "CVE-2025-90702"], ["Halcyon Collaboration Server 2019", "Halcyon Collaboration Server Subscription Edition"],
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", Utc(2025, 7, 8, 17), Utc(2025, 6, 19, 9), Actor, DemoDetails.Replay);
        a.Schedule(Utc(2025, 6, 20, 9), Actor);
        db.Advisories.Add(a);

        var notice = Add(db, a, "Advance notice: critical fix for Collaboration Server on 8 July", ContentClass.Notice, TlpLabel.Amber,
            "A critical remote code execution fix for Halcyon Collaboration Server ships on 2025-07-08 17:00 UTC. Details follow in later waves.", Utc(2025, 6, 23));
        var detection = Add(db, a, "Detection guidance: ToolPane deserialization", ContentClass.Detection, TlpLabel.Amber,
            DemoTexts.ReplayDetection, Utc(2025, 6, 23));
        var description = Add(db, a, "Technical description", ContentClass.Description, TlpLabel.Amber, DemoTexts.ReplayDescription, Utc(2025, 7, 2));
        var indicators = Add(db, a, "Indicators of compromise", ContentClass.Indicators, TlpLabel.AmberStrict, DemoTexts.ReplayIndicators, Utc(2025, 7, 2));
        var mitigation = Add(db, a, "Mitigation before the fix", ContentClass.Mitigation, TlpLabel.Green, DemoTexts.ReplayMitigation, Utc(2025, 7, 2));
        var poc = Add(db, a, "Proof of concept (request builder)", ContentClass.Poc, TlpLabel.Red, DemoTexts.ReplayPoc, Utc(2025, 7, 6),
            "text/x-python; charset=utf-8", "toolpane_poc.py");

        var waves = new List<Wave>();
        Plan(db, a, waves, [notice, detection], WaveKind.Initial, Utc(2025, 6, 24, 9), "Initial notice and early detection guidance for the Validate group.");
        Plan(db, a, waves, [notice, description, detection, indicators, mitigation], WaveKind.Update, Utc(2025, 7, 3, 9),
            "Technical description, indicators and mitigation.");
        Plan(db, a, waves, [poc], WaveKind.Revised, Utc(2025, 7, 7, 9),
            "Proof of concept for detection testing. Exploitation in the wild was first observed later the same day.");
        a.Revise(a.Title, a.Summary + " The fix of 8 July was incomplete; emergency updates followed on 19–21 July 2025.",
            a.CveIds, a.AffectedProducts, a.CvssVector, "Fix incomplete: emergency updates released 19–21 July 2025", Utc(2025, 7, 21, 12), Actor);
    }

    public static void AddUnderEmbargo(ForewarnDb db, DateTimeOffset clockNow)
    {
        var now = new DateTimeOffset(clockNow.Year, clockNow.Month, clockNow.Day, clockNow.Hour, clockNow.Minute, 0, TimeSpan.Zero);
        var release = new DateTimeOffset(now.Year, now.Month, now.Day, 17, 0, 0, TimeSpan.Zero).AddDays(4);
        var reference = $"FW-{release.Year}-{release.Month:00}{release.Day:00}";
        var a = Advisory.Create(reference, "Privilege escalation in Halcyon Sync Agent through a writable update cache",
            "A local user can plant a library in the Sync Agent's update cache, which the agent's service loads with SYSTEM rights " +
            "on its next update check.",
            ["CVE-2026-91001"], ["Halcyon Sync Agent 4.x for Windows"], "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
            release, now.AddMinutes(-1), Actor, DemoDetails.UnderEmbargo(release));
        a.Schedule(now, Actor);
        db.Advisories.Add(a);

        var notice = Add(db, a, "Advance notice: Sync Agent privilege escalation fix", ContentClass.Notice, TlpLabel.Amber,
            $"An important fix for Halcyon Sync Agent ships on {release:yyyy-MM-dd HH:mm} UTC.", now);
        var detection = Add(db, a, "Detection guidance: library loads from the update cache", ContentClass.Detection, TlpLabel.Amber,
            DemoTexts.EmbargoDetection, now);
        var description = Add(db, a, "Technical description", ContentClass.Description, TlpLabel.Amber, DemoTexts.EmbargoDescription, now);
        var indicators = Add(db, a, "Indicators", ContentClass.Indicators, TlpLabel.AmberStrict, DemoTexts.EmbargoIndicators, now);
        var mitigation = Add(db, a, "Mitigation", ContentClass.Mitigation, TlpLabel.Green, DemoTexts.EmbargoMitigation, now);
        var poc = Add(db, a, "Proof of concept", ContentClass.Poc, TlpLabel.Red, DemoTexts.EmbargoPoc, now,
            "text/x-csharp; charset=utf-8", "SyncAgentCachePlant.cs");

        var waves = new List<Wave>();
        Plan(db, a, waves, [notice, detection], WaveKind.Initial, now, "Advance notice and detection guidance.", now);
        Plan(db, a, waves, [description, indicators, mitigation], WaveKind.Update, now.AddDays(1), "Technical details.", now);
        Plan(db, a, waves, [poc], WaveKind.Update, now.AddDays(2), "Proof of concept for detection testing.", now);
    }

    private static Artifact Add(ForewarnDb db, Advisory a, string title, ContentClass cls, TlpLabel tlp, string text, DateTimeOffset at,
        string media = "text/plain; charset=utf-8", string? file = null)
    {
        var (artifact, content) = Artifact.Create(a, title, cls, tlp, media, file, Encoding.UTF8.GetBytes(text), at);
        db.Artifacts.Add(artifact);
        db.ArtifactContents.Add(content);
        return artifact;
    }

    private static void Plan(ForewarnDb db, Advisory a, List<Wave> waves, Artifact[] artifacts, WaveKind kind, DateTimeOffset at,
        string note, DateTimeOffset? plannedAt = null)
    {
        var wave = Wave.Plan(a, waves, artifacts, kind, at, artifacts.Select(x => x.Id), note, plannedAt ?? at);
        waves.Add(wave);
        db.Waves.Add(wave);
    }
}
