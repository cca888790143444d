namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>The <c>approvals</c> settings a test server starts with.</summary>
public static class FourEyes
{
    private static readonly string[] Actions = ["policyPublish", "pocWave", "releaseEarlier", "partnerRemoval", "staffWriteKey", "sanctionLift", "writeRoleInvitation"];

    /// <summary>Every action made directly, as before four eyes (the suite's default).</summary>
    public static IReadOnlyDictionary<string, string> Off { get; } = Actions.ToDictionary(a => $"approvals:{a}", _ => "off");

    /// <summary>Switches every action to need a second member's approval (the server's own default).</summary>
    public static void On(Dictionary<string, string> settings)
    {
        foreach (var a in Actions) settings.Remove($"approvals:{a}");
    }
}
