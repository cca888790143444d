namespace Forewarn.Tracing.Tests.Text;

/// <summary>Realistic advisory texts of the three kinds a partner receives.</summary>
public static class SampleAdvisories
{
    public const string Description = """
        A deserialisation flaw in the management interface of Northwind Gateway versions prior to 4.2.7 allows an unauthenticated remote attacker to execute arbitrary code as the `gwadmin` service account. The issue is tracked as CVE-2026-31337 and has a CVSS base score of 9.8.

        The interface accepts serialised session objects over TCP port 8443 and does not verify that the class named in the stream is on the allow list before it is instantiated. A specially crafted object graph sent in a single request results in code execution during deserialisation. No prior authentication is required, and the attack does not depend on any user interaction. The vendor confirmed that the default configuration is affected, i.e., installations that have not changed the `remote_admin` setting.

        Successful exploitation allows the attacker to obtain sensitive information such as stored credentials, certificates and session keys, to modify routing rules, and to pivot towards internal networks. In our testing, 3 requests were sufficient to obtain a reverse shell on all four appliance models we examined, and the exploit completed in under ten seconds. Repeated attempts did not cause the service to crash, so exploitation cannot be detected by watching for restarts alone.

        We have observed scanning for the vulnerable endpoint from 2 autonomous systems since 14 November 2026, and a working exploit is circulating in private channels. Exposure data suggests that roughly 12,000 gateways are reachable from the internet, including deployments in energy, healthcare and government networks. Attackers do not need valid credentials, and the vulnerable code path is reachable before any authorisation check is performed.

        The flaw is fixed in 4.2.7 and later releases. Versions 3.x are no longer supported and will not receive a fix. Additionally, the vendor has published guidance for customers who cannot upgrade immediately, e.g. blocking inbound access to the management interface at the network edge.
        """;

    public const string Detection = """
        To determine whether a gateway has been targeted, look for the following indicators in the appliance logs and in network telemetry. Review at least 30 days of history, since scanning began before public disclosure.

        - Inbound connections to TCP port 8443 from addresses outside your management network, particularly from hosting providers.
        - Log lines containing `ObjectInputFilter REJECTED` followed within 5 seconds by a successful session creation; this sequence does not occur in normal operation.
        - Unexpected child processes of the `gwadmin` service, e.g. `/bin/sh`, `curl` or `wget`, which the service does not spawn on its own.
        - Outbound connections from the appliance to unfamiliar hosts on ports 4444, 8080 or 53, i.e., traffic that is not explained by updates, NTP or DNS.

        If you use a network detection system, the following rule matches the serialised payload header used by the public proof of concept: `alert tcp any any -> $HOME_NET 8443 (content:"|ac ed 00 05|"; sid:1000001;)`. The rule cannot detect variants that wrap the payload in TLS, so check whether TLS inspection is enabled on the path to the gateway.

        Verify that the running firmware is 4.2.7 or later by comparing the SHA-256 hash of the image with the value published by the vendor (3f9a2c1e7b5d4a60). A device that does not report a version, or reports a version string that is not in the vendor's list, should be treated as compromised until proven otherwise. Do not rely on the web interface alone, because a compromised appliance may be able to hide processes and modify its own logs.

        Attackers have been seen clearing the audit log after exploitation, so an empty log is not evidence that the device is clean. Forward logs to a central collector in order to preserve them, and compare event counts with those of 2 or more similar devices.
        """;

    public const string Mitigation = """
        Upgrade to Northwind Gateway 4.2.7 or later as soon as possible. The update contains the fix for CVE-2026-31337 and does not change the configuration format, so it can be applied without downtime on clustered deployments.

        If you cannot upgrade immediately, apply the following temporary measures:

        1. Restrict access to the management interface to a dedicated administration network, for example with a firewall rule that drops inbound traffic to TCP port 8443 from all other sources.
        2. Disable remote administration by setting `remote_admin = false` in `/etc/gateway/admin.conf` and restarting the service. This doesn't affect routing or VPN traffic.
        3. Enable the strict deserialisation filter described in the vendor's knowledge base article KB-20417, which rejects classes that are not on the allow list.

        These measures reduce the attack surface but are not a substitute for the update. Disabling remote administration means that administrators must use the local console, which some organisations may find impractical for sites with 6 or more appliances. Note that the strict filter is not enabled by default, and enabling it has been reported to break 2 legacy plugins.

        After patching, rotate all credentials and certificates stored on the appliance, because an attacker who obtained them before the upgrade can still use them. Review firewall rules, routing tables and VPN profiles for changes you did not make, and reimage any device that shows signs of compromise rather than attempting to clean it. Organisations that depend on the gateway for critical services should ensure that a tested rollback plan exists before upgrading, and should monitor outbound traffic from the appliance for at least 14 days afterwards.

        We will update this advisory when the vendor releases fixes for the 4.1 branch. Partners should not share this advisory outside their organisation before the embargo ends on 2 December 2026.
        """;

    public static readonly IReadOnlyList<string> All = [Description, Detection, Mitigation];

    /// <summary>The demo advisory's description as it was before author templates were added (what version-1 copies were made of).</summary>
    public static string DemoDescriptionV1 => Load("TextSamples.toolpane_description_v1.txt");

    /// <summary>The demo advisory's description as the demo serves it now (with its author templates).</summary>
    public static string DemoDescription => Load("Demo.toolpane_description.txt");

    private static string Load(string name)
    {
        using var stream = typeof(SampleAdvisories).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No embedded sample {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
