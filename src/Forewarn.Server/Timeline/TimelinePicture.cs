namespace Forewarn.Server.Timeline;

/// <summary>What a mark on the timeline stands for; the drawing gives each its shape and colour, and the legend names them.</summary>
public enum MarkKind
{
    WavePublished,
    WavePlanned,
    WaveCancelled,
    Release,
    ReleaseMoved,
    EmbargoBroken,
    Revision,
    Sighting,
    Notice,
    Fetch,
    CaseStep,
    Evidence,
    Decision,
    Appeal,
}

/// <summary>One moment on the timeline: when, what, and its label (drawn beside it; partner lanes carry no labels, the legend says what the marks are).</summary>
public sealed record TimelineMark(DateTimeOffset At, MarkKind Kind, string Label, string? ContentClass = null);

/// <summary>A horizontal lane: the programme's waves, the release, sightings, the case — or one partner (or the partners folded together).</summary>
public sealed record TimelineLane(string Name, IReadOnlyList<TimelineMark> Marks, bool Partner = false);

/// <summary>
/// An incident's timeline as data, before it is drawn: a title, the lanes top to bottom, and how many
/// partners were folded into the last lane because there were too many to give each its own.
/// </summary>
public sealed record TimelinePicture(string Title, string Subtitle, IReadOnlyList<TimelineLane> Lanes, int Folded)
{
    public IEnumerable<TimelineMark> Marks => Lanes.SelectMany(l => l.Marks);
}
