using System.Text;
using Forewarn.Csaf.Mapping;
using Forewarn.Domain.Advisories;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>Advisories, waves and a publisher built through the domain, for the export tests.</summary>
internal static class Fixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly CsafPublisher Publisher = new("Forewarn PSIRT", "https://psirt.example.com");

    public const string V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    public const string V40 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    public static Advisory Draft(string? vector = V31, IEnumerable<string>? cves = null, IEnumerable<string>? products = null,
        AdvisoryDetails? details = null) =>
        Advisory.Create("FW-2026-0007", "Remote code execution in Example Router", "A crafted request runs code as root.",
            cves ?? ["CVE-2026-1001"], products ?? ["Example Router 4.2", "Example Router 4.3"], vector,
            Now.AddDays(14), Now, "staff", details);

    /// <summary>Plans a wave that publishes one new notice artifact.</summary>
    public static Wave Wave(Advisory advisory, IReadOnlyCollection<Wave> existing, WaveKind kind, DateTimeOffset at, DateTimeOffset now)
    {
        var artifact = Artifact.Create(advisory, "Notice", ContentClass.Notice, TlpLabel.Amber, null, null,
            Encoding.UTF8.GetBytes("notice"), now).Artifact;
        return Domain.Advisories.Wave.Plan(advisory, existing, [artifact], kind, at, [artifact.Id], $"{kind} wave", now);
    }
}
