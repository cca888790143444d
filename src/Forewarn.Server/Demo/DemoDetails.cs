using Forewarn.Domain.Advisories;

namespace Forewarn.Server.Demo;

/// <summary>
/// What the demo advisories say in CSAF's terms: notes, references and vulnerabilities with
/// their weaknesses, affected products, scores and fixes. Products are those named at creation
/// (FWPID-1, FWPID-2, …).
/// </summary>
internal static class DemoDetails
{
    private const string Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    public static AdvisoryDetails Replay => new(
        TlpLabel.Amber,
        [
            new AdvisoryNote("details", "Exploitation",
                "Exploitation needs no authentication and no user interaction. The spoofing flaw (CVE-2025-90702) lets a request " +
                "reach the ToolPane endpoint as if authenticated; the deserialization flaw (CVE-2025-90701) then runs code."),
            new AdvisoryNote("legal_disclaimer", "Programme terms",
                "Shared under the Halcyon Software Early Warning Program agreement. Use only to protect customers."),
        ],
        [new AdvisoryReference("https://halcyon.example/security/advisories/FW-2025-0708", "Halcyon security update guide entry", "external")],
        [],
        [
            Vulnerability("CVE-2025-90701", "ToolPane deserialization of untrusted data", "CWE-502", "Deserialization of Untrusted Data",
                Critical, "https://halcyon.example/updates/collaboration-server/2025-07",
                "Install the July 2025 security update (build 16.0.10417.20037 or later); after installing, rotate the machine keys."),
            Vulnerability("CVE-2025-90702", "ToolPane authentication bypass by spoofing", "CWE-287", "Improper Authentication",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N", "https://halcyon.example/updates/collaboration-server/2025-07",
                "Install the July 2025 security update (build 16.0.10417.20037 or later)."),
        ]);

    public static AdvisoryDetails UnderEmbargo(DateTimeOffset release) => new(
        TlpLabel.Amber,
        [
            new AdvisoryNote("details", "Conditions",
                "The update cache folder is writable by members of the local Users group. Exploitation needs a local account; " +
                "the next scheduled update check (every four hours) loads the planted library."),
        ],
        [],
        [],
        [
            Vulnerability("CVE-2026-91001", "Writable update cache loads planted libraries", "CWE-427", "Uncontrolled Search Path Element",
                "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", $"https://halcyon.example/updates/sync-agent/{release:yyyy-MM}",
                "Install Sync Agent 4.9.2 when it is released; until then remove write access for Users on the update cache folder.",
                ["FWPID-1"]),
        ]);

    private static Vulnerability Vulnerability(string cve, string title, string cwe, string cweName, string vector, string fixUrl, string fix,
        IReadOnlyList<string>? products = null)
    {
        IReadOnlyList<string> ids = products ?? ["FWPID-1", "FWPID-2"];
        return new(cve, title, cwe, cweName, [],
            [new ProductStatus("known_affected", ids)],
            [new VulnerabilityScore(vector, ids)],
            [new Remediation("vendor_fix", fix, fixUrl, ids)]);
    }
}
