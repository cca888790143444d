using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary>
/// How a command shows a change that became a proposal (the server answered 202): what waits,
/// until when, and the command another staff member runs to approve it.
/// </summary>
public static class Proposed
{
    /// <summary>Shows the answer: the proposal when the change waits for approval, else the change through <paramref name="made"/>.</summary>
    public static void Show(CliContext context, bool json, Answer answer, Action<JsonNode> made)
    {
        if (!answer.Proposed)
        {
            context.Show(json, answer.Body, made);
            return;
        }
        context.Show(json, answer.Body, p => Lines(context.Screen, p));
    }

    /// <summary>The changes to an item that wait for approval (its <c>pending</c> list), if any.</summary>
    public static void Pending(Screen screen, JsonNode item)
    {
        var pending = item.Items("pending").ToList();
        if (pending.Count == 0) return;
        screen.Heading($"Waiting for a second staff member ({pending.Count})");
        var table = Screen.Table("Proposal", "Action", "Summary", "Proposed by", "Expires");
        foreach (var p in pending)
            Screen.Row(table, p.Text("proposal"), p.Text("action"), p.Text("summary"), p.Text("proposedBy"), p.Time("expiresAt"));
        screen.Write(table);
    }

    public static void Lines(Screen screen, JsonNode p)
    {
        screen.Line("Proposed — this needs a second staff member's approval: ", p.Text("summary"));
        screen.Line("Proposal ", p.Text("id"), $" ({p.Text("action")}) waits until {p.Time("expiresAt")}.");
        screen.Line($"Another staff member approves it with: forewarn approvals approve {p.Text("id")}");
    }
}
