using Forewarn.Server.Hosting;

namespace Forewarn.Server.Publishing;

/// <summary>
/// Wakes the release scheduler when this server changed an advisory (a revision after
/// release should be public at once, not at the next poll).
/// </summary>
public sealed class ReleaseSignal : Wakeup;
