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

    public static void Lines(Screen screen, JsonNode p)
    {
        screen.Line("Proposed — this needs a second staff member's approval: ", p.Text("summary"));
        screen.Line("Proposal ", p.Text("id"), $" ({p.Text("action")}) waits until {p.Time("expiresAt")}.");
        screen.Line($"Another staff member approves it with: forewarn approvals approve {p.Text("id")}");
    }
}
