using System.Globalization;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Cases;

/// <summary>Whether a case is still being investigated.</summary>
public enum CaseState
{
    Open,
    Closed,
}

/// <summary>
/// A leak investigation on one advisory: the sightings that started it, the evidence gathered
/// (<see cref="CaseEvidence"/>, append-only) and the decisions taken on partners
/// (<see cref="CaseDecision"/>). A closed case keeps everything and takes nothing more.
/// </summary>
public sealed class Case
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 4000;
    public const int MaxLinkedSightings = 100;

    private Case() { }

    public Guid Id { get; private set; }
    /// <summary>The case's name for people: <c>CASE-2026-0001</c>, numbered per year of opening.</summary>
    public string Reference { get; private set; } = "";
    public AdvisoryId AdvisoryId { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public CaseState State { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    /// <summary>What the investigation concluded, written when it is closed.</summary>
    public string? Summary { get; private set; }
    /// <summary>The ids of the sightings the case is about (as the sightings list names them).</summary>
    public IReadOnlyList<string> Sightings { get; private set; } = [];

    /// <summary>The reference of the <paramref name="number"/>th case opened in <paramref name="year"/>.</summary>
    public static string ReferenceFor(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"CASE-{year:0000}-{number:0000}");

    /// <summary>The prefix every reference of a year starts with, for counting them.</summary>
    public static string YearPrefix(int year) => string.Create(CultureInfo.InvariantCulture, $"CASE-{year:0000}-");

    /// <summary>Opens a case; <paramref name="sightings"/> are ids already checked to exist on the advisory.</summary>
    public static Case Open(string reference, AdvisoryId advisory, string? title, IEnumerable<string> sightings, DateTimeOffset at, string actor)
    {
        var linked = sightings.Distinct(StringComparer.Ordinal).ToList();
        if (linked.Count > MaxLinkedSightings)
            throw new DomainException("invalid-field", $"A case links at most {MaxLinkedSightings} sightings when it is opened; add more as evidence.");
        return new Case
        {
            Id = Guid.CreateVersion7(at),
            Reference = reference,
            AdvisoryId = advisory,
            Title = TextRules.Required(title, "title", MaxTitle),
            OpenedAt = at,
            OpenedBy = actor,
            State = CaseState.Open,
            Sightings = linked,
        };
    }

    /// <summary>Refuses anything but reading once the case is closed.</summary>
    public void EnsureOpen()
    {
        if (State == CaseState.Closed)
            throw new ConflictException("case-closed",
                $"Case {Reference} was closed {Moments.Show(ClosedAt!.Value)} by {ClosedBy}; it takes no more evidence or decisions. Open a new case.");
    }

    /// <summary>Links a sighting that was added as evidence (once).</summary>
    public void Link(string sighting)
    {
        if (!Sightings.Contains(sighting, StringComparer.Ordinal)) Sightings = [.. Sightings, sighting];
    }

    /// <summary>Closes the case with what it concluded; a closed case cannot be closed again.</summary>
    public void Close(string? summary, DateTimeOffset at, string actor)
    {
        EnsureOpen();
        Summary = TextRules.Required(summary, "closing summary", MaxSummary, TextShape.Prose);
        State = CaseState.Closed;
        ClosedAt = at;
        ClosedBy = actor;
    }

    public static string Name(CaseState state) => state.ToString().ToLowerInvariant();
}
