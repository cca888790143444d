using Forewarn.Domain.Approvals;

namespace Forewarn.Server.Approvals;

/// <summary>
/// What an operation that may need four eyes did: made the change (<see cref="Made"/>), or — when
/// its action needs a second member's approval — recorded a proposal instead and changed nothing else.
/// </summary>
public sealed class Gated<T>
{
    private Gated(T? made, Proposal? proposal)
    {
        Made = made;
        Proposal = proposal;
    }

    public T? Made { get; }
    public Proposal? Proposal { get; }

    public static Gated<T> Done(T made) => new(made, null);
    public static Gated<T> Proposed(Proposal proposal) => new(default, proposal);

    public static implicit operator Gated<T>(Proposal proposal) => Proposed(proposal);
}
