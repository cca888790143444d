namespace Forewarn.Server.Demo;

/// <summary>
/// What the demo's worked investigation of the 2025 replay says (all fictional): exploitation seen
/// by a threat-intelligence firm on 7 July 2025, six hours after the PoC wave; a script found on a
/// paste site the next morning that is a fragment of one partner's fingerprinted PoC copy; and the
/// suspension of that partner. <see cref="DemoInvestigation"/> records it.
/// </summary>
internal static class DemoInvestigationStory
{
    /// <summary>The partner whose PoC copy turns up: a Trusted partner that held the PoC from its wave.</summary>
    public const string Partner = "Mistral Sentinel SAS";

    /// <summary>When the threat-intelligence firm first saw exploitation; the exposure snapshot looks back from here.</summary>
    public static readonly DateTimeOffset FirstObserved = new(2025, 7, 7, 15, 20, 0, TimeSpan.Zero);

    public const string Source = "Northgale Threat Intelligence";
    public const string SourceUrl = "https://northgale.example.org/reports/2025-07-07-collaboration-server-toolpane";

    public const string Description =
        "Exploitation of on-premises Halcyon Collaboration Server seen from 15:20 UTC on 7 July 2025 at two customers: " +
        "POST requests to /_layouts/15/ToolPane.aspx with DisplayMode=Edit and the Referer /_layouts/SignOut.aspx, " +
        "carrying a serialized web part, first from two addresses, then from many. The requests are shaped exactly as " +
        "the programme's proof of concept builds them, a day before the fix.";

    public static readonly string[] Indicators =
    [
        "203.0.113.47",
        "198.51.100.12",
        "POST /_layouts/15/ToolPane.aspx?DisplayMode=Edit&a=/ToolPane.aspx",
        "Referer: /_layouts/SignOut.aspx",
    ];

    public const string CaseTitle = "Exploitation observed 2025-07-07, six hours after the PoC wave";

    public const string Note =
        "Northgale reported a Python script that builds the ToolPane request, posted on a public paste site on " +
        "8 July 2025 at 06:10 UTC. Its text, as found, is the next piece of evidence; it is traced against every " +
        "fingerprinted artifact of FW-2025-0708 when it is added.";

    public const string FragmentFileName = "pasted_toolpane_request.py";
    public const string FragmentMediaType = "text/x-python; charset=utf-8";

    /// <summary>
    /// The lines of the partner's own PoC copy that were "pasted" (1-based, inclusive): the constants,
    /// the request builder, the payload, the sender and the expected detections — 106 of the copy's
    /// 174 lines, more marks than a lone copy needs to be named at ε = 10⁻⁶ (a code's lines stay
    /// where they are in every copy, so these are the same lines of each).
    /// </summary>
    public const int FragmentFirstLine = 19;
    public const int FragmentLastLine = 124;

    /// <summary>What the partner is told: the decision and why, never the evidence.</summary>
    public const string DecisionReason =
        "A copy of programme material issued to you was found outside the programme. " +
        "You are suspended while the investigation continues.";

    /// <summary>The fragment: those lines of the copy, as they were served.</summary>
    public static string Fragment(string copy)
    {
        var lines = copy.Split('\n');
        return string.Join('\n', lines.Skip(FragmentFirstLine - 1).Take(FragmentLastLine - FragmentFirstLine + 1)) + "\n";
    }
}
