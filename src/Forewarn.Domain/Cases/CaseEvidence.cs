using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Cases;

/// <summary>What a piece of evidence is.</summary>
public enum EvidenceKind
{
    /// <summary>A sighting of exploitation (by its id).</summary>
    Sighting,
    /// <summary>Prose written by staff.</summary>
    Note,
    /// <summary>A file (a found sample, a screenshot, a report), kept as it was sent.</summary>
    File,
    /// <summary>A trace of a leaked text against a fingerprinted artifact.</summary>
    Trace,
    /// <summary>A frozen exposure analysis: who held what before a moment, as the log said at a checkpoint.</summary>
    Exposure,
}

/// <summary>The log's state an exposure snapshot was computed at: its size and root hash (hex).</summary>
public sealed record LogCheckpointRef(long Size, string RootHash);

/// <summary>
/// One piece of evidence of a case. There is no operation that changes or removes one: evidence
/// is only ever added, each with a number in its case and the SHA-256 of what it holds (the number
/// and the hash go into the transparency log, so a later edit in the store would show).
/// </summary>
public sealed class CaseEvidence
{
    /// <summary>The largest file a case keeps.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;
    public const int MaxNote = 20_000;
    /// <summary>The longest JSON document (a trace result, an exposure snapshot) kept.</summary>
    public const int MaxDocument = 8 * 1024 * 1024;

    private CaseEvidence() { }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>1, 2, 3 … in the order added to its case.</summary>
    public int Number { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    public string AddedBy { get; private set; } = "";
    /// <summary>SHA-256 (hex) of the content: the note's or sighting id's UTF-8, the file's bytes, the trace's or snapshot's JSON.</summary>
    public string Sha256 { get; private set; } = "";
    /// <summary>The note's prose, or the sighting's id.</summary>
    public string? Text { get; private set; }
    public string? FileName { get; private set; }
    public string? MediaType { get; private set; }
    public byte[]? Bytes { get; private set; }
    /// <summary>For a trace: its result (JSON). For a text file: the results of tracing it against the advisory's marked artifacts (a JSON array).</summary>
    public string? Trace { get; private set; }
    /// <summary>For an exposure snapshot: the analysis as computed (JSON), never recomputed.</summary>
    public string? Document { get; private set; }
    public long? CheckpointSize { get; private set; }
    public string? CheckpointHash { get; private set; }

    /// <summary>How many bytes the content has (the file's, or the UTF-8 of the text or JSON).</summary>
    public long Size => Bytes?.LongLength ?? Encoding.UTF8.GetByteCount(Document ?? Trace ?? Text ?? "");

    public static CaseEvidence Note(Guid caseId, int number, string? text, DateTimeOffset at, string actor)
    {
        var prose = TextRules.Required(text, "note", MaxNote, TextShape.Prose);
        return Make(caseId, number, EvidenceKind.Note, at, actor, Hash(prose), e => e.Text = prose);
    }

    /// <summary>A sighting, by the id its list shows; the caller has checked it exists on the case's advisory.</summary>
    public static CaseEvidence OfSighting(Guid caseId, int number, string sightingId, DateTimeOffset at, string actor) =>
        Make(caseId, number, EvidenceKind.Sighting, at, actor, Hash(sightingId), e => e.Text = sightingId);

    /// <summary>
    /// A file as sent: not empty, at most <see cref="MaxFileBytes"/>, with a name and media type under the
    /// upload rules (<see cref="ContentLabels"/>). <paramref name="trace"/> is what tracing it found, for a text file.
    /// </summary>
    public static CaseEvidence File(Guid caseId, int number, string? fileName, string? mediaType, byte[] bytes, string? trace,
        DateTimeOffset at, string actor)
    {
        CheckFile(bytes);
        var name = ContentLabels.FileName(fileName)
                   ?? throw new InvalidFieldException("file name", "A file needs its name (fileName), such as sample.py.");
        var type = ContentLabels.MediaType(mediaType);
        return Make(caseId, number, EvidenceKind.File, at, actor, Convert.ToHexStringLower(SHA256.HashData(bytes)), e =>
        {
            e.FileName = name;
            e.MediaType = type;
            e.Bytes = bytes;
            e.Trace = trace;
        });
    }

    /// <summary>Refuses an empty file or one over the limit, before anything is done with it.</summary>
    public static void CheckFile(byte[] bytes)
    {
        if (bytes.Length == 0)
            throw new DomainException("empty-file", "The file is empty: send its content (contentBase64).");
        if (bytes.Length > MaxFileBytes)
            throw new DomainException("file-too-large",
                $"The file has {bytes.Length} bytes; a case keeps files of at most {MaxFileBytes} bytes ({MaxFileBytes / (1024 * 1024)} MiB).");
    }

    /// <summary>Whether a file of this media type is text, so it can be traced.</summary>
    public static bool IsText(string mediaType) => mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);

    /// <summary>A trace result (JSON) as the trace answered it.</summary>
    public static CaseEvidence OfTrace(Guid caseId, int number, string traceJson, DateTimeOffset at, string actor) =>
        Make(caseId, number, EvidenceKind.Trace, at, actor, Hash(Checked(traceJson, "trace")), e => e.Trace = traceJson);

    /// <summary>A frozen exposure analysis and the checkpoint of the log it was computed at.</summary>
    public static CaseEvidence OfExposure(Guid caseId, int number, string snapshotJson, LogCheckpointRef checkpoint, DateTimeOffset at, string actor)
    {
        if (checkpoint.Size < 0 || checkpoint.RootHash.Length != 64 || !checkpoint.RootHash.All(Uri.IsHexDigit))
            throw new DomainException("invalid-checkpoint", "An exposure snapshot names the log checkpoint it was computed at: a size and a 64-digit hex root hash.");
        return Make(caseId, number, EvidenceKind.Exposure, at, actor, Hash(Checked(snapshotJson, "exposure snapshot")), e =>
        {
            e.Document = snapshotJson;
            e.CheckpointSize = checkpoint.Size;
            e.CheckpointHash = checkpoint.RootHash.ToLowerInvariant();
        });
    }

    public static string Name(EvidenceKind kind) => kind.ToString().ToLowerInvariant();

    public static EvidenceKind ParseKind(string? text) =>
        Enum.TryParse<EvidenceKind>(text?.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(text, out _)
            ? k
            : throw new DomainException("unknown-evidence-kind",
                $"'{text}' is not a kind of evidence; use {string.Join(", ", Enum.GetValues<EvidenceKind>().Select(Name))}.");

    private static string Checked(string json, string what) =>
        string.IsNullOrWhiteSpace(json) ? throw new DomainException("invalid-field", $"The {what} is empty.")
        : json.Length > MaxDocument ? throw new DomainException("invalid-field", $"The {what} is over {MaxDocument} characters.")
        : json;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static CaseEvidence Make(Guid caseId, int number, EvidenceKind kind, DateTimeOffset at, string actor, string sha256, Action<CaseEvidence> fill)
    {
        var evidence = new CaseEvidence
        {
            Id = Guid.CreateVersion7(at),
            CaseId = caseId,
            Number = number,
            Kind = kind,
            AddedAt = at,
            AddedBy = actor,
            Sha256 = sha256,
        };
        fill(evidence);
        return evidence;
    }
}
