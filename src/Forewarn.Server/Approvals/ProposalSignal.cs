using Forewarn.Server.Hosting;

namespace Forewarn.Server.Approvals;

/// <summary>Wakes <see cref="ProposalExpiry"/> when this server recorded a proposal (it may expire before the next poll).</summary>
public sealed class ProposalSignal : Wakeup;
