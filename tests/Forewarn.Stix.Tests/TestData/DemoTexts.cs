namespace Forewarn.Stix.Tests.TestData;

/// <summary>Some of the demo's artifact texts (src/Forewarn.Server/Demo/DemoTexts.cs and Demo/Content/toolpane_detection.txt), copied: tests may not reference the server.</summary>
internal static class DemoTexts
{
    public const string ReplayDetection = """
        Detection guidance for FW-2025-0708 (Halcyon Collaboration Server, ToolPane deserialization)

        Exploitation needs a single POST request and leaves traces in three places: the web logs, the process tree and
        the file system of the web front end. Look for all three, and do not rely on the payload, which an attacker can
        modify from one request to the next.

        1. Web logs: POST requests to /_layouts/15/ToolPane.aspx with the query parameter DisplayMode=Edit and a
           Referer header of /_layouts/SignOut.aspx. Legitimate clients never send this combination.
        2. Process creation: w3wp.exe spawning cmd.exe or powershell.exe with an encoded command line.
        3. File system: new .aspx files under the LAYOUTS folder shortly after such a request.

        Web logs. Make sure that the web server logs of every front end record the method, the URI stem, the query and
        the Referer header. The default field set does not include the Referer, so check whether it is enabled before
        you trust an empty result, and search at least 30 days back. A hit is a request that combines all three markers
        above; the status code does not matter, because a request that ends in an error may still have run code.
        Additionally, look for bursts of requests from one client address towards several front ends within a few
        minutes, which suggests that an attacker is scanning a whole farm.

        Process trees. In normal operation the worker process of a web application does not start a command shell.
        Alert when it spawns one, and treat an encoded command line as a strong sign of compromise, since it allows an
        attacker to hide what the shell runs. Endpoint tools that
        record the parent process, the full command line and the user account are enough for this; process creation
        events with command-line logging enabled work too. Expect 2 legitimate exceptions on some farms: health checks
        that a monitoring agent runs, and backup jobs that call PowerShell through the same application pool. Verify
        that each exception is documented before you exclude it, and exclude it by its exact command line rather than
        by the parent process alone.

        File system. New .aspx files under the LAYOUTS folder are rare outside an update window. Compare the folder with
        a known-good server of the same build, and look for files created within ten minutes of a matching request. An
        attacker who can execute arbitrary code may be able to give a new file an old timestamp, so use the file creation
        events of your endpoint tool rather than the timestamps that the file system shows.

        Network. The signature below matches the request on the wire once TLS is terminated, e.g. on a reverse proxy or
        a load balancer that inspects traffic. It cannot see inside encrypted sessions, so deploy it where inbound requests
        are decrypted. The rule contains no payload bytes and does not need to be updated when the payload changes.

        Suggested network signature (Suricata syntax):
          alert http any any -> $HTTP_SERVERS any (msg:"FW-2025-0708 ToolPane exploitation attempt";
            flow:to_server,established; http.method; content:"POST"; http.uri; content:"/ToolPane.aspx";
            content:"DisplayMode=Edit"; http.referer; content:"/SignOut.aspx"; sid:9025070801; rev:1;)

        False positives. Editors who change pages in the browser send requests with DisplayMode=Edit, but never with the
        sign-out page as the Referer, so a query that leaves out the Referer will alert on ordinary editing. Vulnerability
        scanners that test for this flaw send the same request as an attacker would: confirm that a scan was authorized
        before you close such an alert, and note its source. Security products that inspect pages may also write
        temporary files, but they do so under their own folders, not under LAYOUTS.

        After a hit. Do not rebuild the server straight away. Preserve the web logs, the event logs and a copy of the
        LAYOUTS folder, determine whether the request was followed by a new process or a new file, and ensure that your
        responders obtain a memory image before the application pool is recycled. Code that ran in the worker process
        could read the machine keys and other sensitive information, and some of its traces may exist only in memory.
        """;

    public const string ReplayIndicators = """
        type,value,comment
        url-path,/_layouts/15/ToolPane.aspx?DisplayMode=Edit,request path used by the exploit
        file-name,spinstall0.aspx,web shell dropped after exploitation
        sha256,3f1c4e7a9b2d5c8e1f0a6b3d9c2e7f4a1b8d5c0e9f3a6b2d7c4e1f8a5b0d3c9e,web shell sample
        ipv4,203.0.113.45,scanning source (documentation range)
        """;

    public const string EmbargoIndicators = """
        type,value,comment
        file-path,%ProgramData%\Halcyon\Sync\UpdateCache\version.dll,planted library name seen in testing
        """;
}
