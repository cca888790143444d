using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Advisories;

internal static class AdvisoryFixture
{
    public static readonly DateTimeOffset Created = Utc.At("2025-06-01T00:00Z");
    public static readonly DateTimeOffset Release = Utc.At("2025-07-08T17:00Z");

    public static Advisory Draft(string? cvss = null) =>
        Advisory.Create("fw-2025-0042", "Remote code execution in the document server", "Summary",
            ["cve-2025-53770", "CVE-2025-53770"], ["Document Server 2019"], cvss, Release, Created, "staff");

    public static Artifact ArtifactOf(Advisory advisory, ContentClass cls) =>
        Artifact.Create(advisory, "The " + cls.Describe(), cls, TlpLabel.Amber, null, "poc.py", Encoding.UTF8.GetBytes("print('x')"), Created).Artifact;
}
