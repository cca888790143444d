namespace Forewarn.Server.Demo;

/// <summary>The demo artifacts' text. Fictional products; the PoCs build requests, they attack nothing.</summary>
internal static class DemoTexts
{
    /// <summary>The replay's detection guidance (about 600 words with its Suricata signature, which no mark touches; carries prose marks).</summary>
    public static string ReplayDetection => DemoContent.Read("toolpane_detection.txt");

    /// <summary>The replay's technical description (about 600 words; carries prose marks).</summary>
    public static string ReplayDescription => DemoContent.Read("toolpane_description.txt");

    public const string ReplayIndicators = """
        type,value,comment
        url-path,/_layouts/15/ToolPane.aspx?DisplayMode=Edit,request path used by the exploit
        file-name,spinstall0.aspx,web shell dropped after exploitation
        sha256,3f1c4e7a9b2d5c8e1f0a6b3d9c2e7f4a1b8d5c0e9f3a6b2d7c4e1f8a5b0d3c9e,web shell sample
        ipv4,203.0.113.45,scanning source (documentation range)
        """;

    /// <summary>The replay's mitigation before the fix (about 450 words; carries prose marks).</summary>
    public static string ReplayMitigation => DemoContent.Read("toolpane_mitigation.txt");

    /// <summary>The replay's PoC: a 174-line Python request builder for lab detection testing (carries code marks).</summary>
    public static string ReplayPoc => DemoContent.Read("toolpane_poc.py");

    public const string EmbargoDetection = """
        Detection guidance: Halcyon Sync Agent update cache

        Alert when HalcyonSyncService.exe loads a DLL from %ProgramData%\Halcyon\Sync\UpdateCache that is not signed
        by Halcyon. Also alert on any file creation in that folder by a process other than HalcyonSyncService.exe.
        """;

    public const string EmbargoDescription = """
        The Sync Agent's update cache folder inherits write access for authenticated users. On each update check the
        service enumerates the folder and loads every library it finds before verifying signatures, so a planted
        library runs with SYSTEM rights within the next update interval (15 minutes by default).
        """;

    public const string EmbargoIndicators = """
        type,value,comment
        file-path,%ProgramData%\Halcyon\Sync\UpdateCache\version.dll,planted library name seen in testing
        """;

    public const string EmbargoMitigation = """
        Remove write access for Authenticated Users from %ProgramData%\Halcyon\Sync\UpdateCache, or stop the Halcyon
        Sync service until the update is installed.
        """;

    public const string EmbargoPoc = """
        // Proof of concept for detection testing: writes a harmless marker file where a planted library would go.
        using System;
        using System.IO;

        internal static class SyncAgentCachePlant
        {
            private static void Main()
            {
                var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData),
                    "Halcyon", "Sync", "UpdateCache");
                var marker = Path.Combine(cache, "forewarn-detection-test.txt");
                Directory.CreateDirectory(cache);
                File.WriteAllText(marker, "Detection test marker: a real attack would place version.dll here.");
                Console.WriteLine("Wrote " + marker);
            }
        }
        """;
}
