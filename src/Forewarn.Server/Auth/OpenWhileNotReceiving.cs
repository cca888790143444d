namespace Forewarn.Server.Auth;

/// <summary>
/// Marks a partner write that <see cref="ReadOnlyPartners"/> lets through while the partner is not
/// receiving: answering a decision about itself (an appeal), which a suspended or removed partner
/// must still be able to do.
/// </summary>
public sealed class OpenWhileNotReceiving
{
    public static readonly OpenWhileNotReceiving Instance = new();
}
