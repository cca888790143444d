using Forewarn.Tracing.Tardos;

namespace Forewarn.Tracing.Trace;

/// <summary>
/// One fingerprinted artifact of an advisory as the tracer sees it: its key in the code (the
/// artifact's id), its marks and its code. An advisory's code for a recipient is the
/// concatenation of its artifacts' codewords, each drawn under its own key, so they are
/// independent and a leak mixing several artifacts is scored over the marks read in all of them.
/// </summary>
public sealed record CodedArtifact(string Key, IMarkedArtifact Marks, TardosCode Code)
{
    public int Sites => Marks.Sites.Count;
}

/// <summary>
/// What one artifact contributed to a trace: its sites, the marks read from the leak and scored,
/// and the marks found but set aside because their whole variant class was normalised (<see cref="UnreadClasses"/>).
/// </summary>
public sealed record ArtifactReading(string Key, int Sites, int MarksRead, int SetAside = 0);
