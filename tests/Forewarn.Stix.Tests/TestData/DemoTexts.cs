namespace Forewarn.Stix.Tests.TestData;

/// <summary>Two of the demo's artifact texts (src/Forewarn.Server/Demo/DemoTexts.cs), copied: tests may not reference the server.</summary>
internal static class DemoTexts
{
    public const string ReplayDetection = """
        Detection guidance for FW-2025-0708 (Halcyon Collaboration Server, ToolPane deserialization)

        1. Web logs: POST requests to /_layouts/15/ToolPane.aspx with the query parameter DisplayMode=Edit and a
           Referer header of /_layouts/SignOut.aspx. Legitimate clients never send this combination.
        2. Process creation: w3wp.exe spawning cmd.exe or powershell.exe with an encoded command line.
        3. File system: new .aspx files under the LAYOUTS folder shortly after such a request.

        Suggested network signature (Suricata syntax):
          alert http any any -> $HTTP_SERVERS any (msg:"FW-2025-0708 ToolPane exploitation attempt";
            flow:to_server,established; http.method; content:"POST"; http.uri; content:"/ToolPane.aspx";
            content:"DisplayMode=Edit"; http.referer; content:"/SignOut.aspx"; sid:9025070801; rev:1;)
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
