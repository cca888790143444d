using System.Text.RegularExpressions;
using Forewarn.Domain.Common;
using Forewarn.Domain.Cvss;

namespace Forewarn.Domain.Advisories;

/// <summary>
/// One or more embargoed vulnerabilities with a coordinated release time. The stored facts are
/// when it was scheduled and withdrawn; whether it is notified or released follows from the
/// clock and its waves (<see cref="StateAt"/>), so no stored state can disagree with time.
/// </summary>
public sealed partial class Advisory
{
    private Advisory() { }

    public AdvisoryId Id { get; private set; }
    /// <summary>Human reference, e.g. FW-2025-0042; unique.</summary>
    public string Reference { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public IReadOnlyList<string> CveIds { get; private set; } = [];
    /// <summary>The names of the products the advisory speaks about.</summary>
    public IReadOnlyList<string> AffectedProducts => [.. Products.Select(p => p.Name)];
    public IReadOnlyList<Product> Products { get; private set; } = [];
    /// <summary>The label of the advisory document itself (artifacts carry their own).</summary>
    public TlpLabel Tlp { get; private set; } = TlpLabel.Amber;
    public IReadOnlyList<AdvisoryNote> Notes { get; private set; } = [];
    public IReadOnlyList<AdvisoryReference> References { get; private set; } = [];
    public IReadOnlyList<Vulnerability> Vulnerabilities { get; private set; } = [];
    public string? CvssVector { get; private set; }
    public double? CvssScore { get; private set; }
    public DateTimeOffset ReleaseAt { get; private set; }
    public DateTimeOffset? ScheduledAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnReason { get; private set; }
    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")]
    private static partial Regex ReferenceShape();

    public static Advisory Create(
        string? reference, string? title, string? summary, IEnumerable<string>? cveIds,
        IEnumerable<string>? products, string? cvssVector, DateTimeOffset releaseAt, DateTimeOffset at, string actor,
        AdvisoryDetails? details = null)
    {
        var r = reference?.Trim().ToUpperInvariant() ?? "";
        if (!ReferenceShape().IsMatch(r) || r.Length > 40)
            throw new DomainException("invalid-reference",
                $"'{reference}' is not an advisory reference; use letters, digits and dashes such as FW-2026-0001.");
        var advisory = new Advisory
        {
            Id = AdvisoryId.New(),
            Reference = r,
            CreatedAt = at,
            ReleaseAt = releaseAt.ToUniversalTime(),
        };
        advisory.Apply(title, summary, cveIds, products, cvssVector);
        if (details is not null)
        {
            var named = advisory.Products;
            advisory.SetDetails(details with { Products = details.Products.Count > 0 ? details.Products : named });
        }
        advisory.Revisions = [new Revision(1, at, "Initial draft", actor)];
        return advisory;
    }

    /// <summary>The state at <paramref name="at"/>, given the advisory's waves.</summary>
    public AdvisoryState StateAt(DateTimeOffset at, IEnumerable<Wave> waves)
    {
        if (WithdrawnAt is { } w && w <= at) return AdvisoryState.Withdrawn;
        if (ScheduledAt is not { } s || s > at) return AdvisoryState.Draft;
        if (at >= ReleaseAt) return AdvisoryState.Released;
        return waves.Any(x => x.AdvisoryId == Id && x.At <= at) ? AdvisoryState.Notified : AdvisoryState.Scheduled;
    }

    /// <summary>The facts the policy reads about this advisory.</summary>
    public AdvisoryFacts Facts => new(ReleaseAt, ScheduledAt, WithdrawnAt);

    /// <summary>This advisory as it was when <paramref name="facts"/> were in force.</summary>
    public Advisory AsOf(AdvisoryFacts facts)
    {
        var then = (Advisory)MemberwiseClone();
        then.ReleaseAt = facts.ReleaseAt;
        then.ScheduledAt = facts.ScheduledAt;
        then.WithdrawnAt = facts.WithdrawnAt;
        return then;
    }

    public bool IsWithdrawnAt(DateTimeOffset at) => WithdrawnAt is { } w && w <= at;

    /// <summary>Commits the advisory to its coordinated release time.</summary>
    public void Schedule(DateTimeOffset at, string actor)
    {
        if (WithdrawnAt is not null)
            throw new ConflictException("advisory-withdrawn", $"{Reference} was withdrawn and cannot be scheduled.");
        if (ScheduledAt is not null)
            throw new ConflictException("already-scheduled", $"{Reference} is already scheduled.");
        if (ReleaseAt <= at)
            throw new DomainException("release-in-past",
                $"{Reference} cannot be scheduled: its release time {Moments.Show(ReleaseAt)} has passed; set a later one first.");
        ScheduledAt = at;
        AddRevision(at, $"Scheduled for release at {Moments.Show(ReleaseAt)}", actor);
    }

    /// <summary>Moves the coordinated release time (postponement or advance) before release.</summary>
    public void MoveRelease(DateTimeOffset releaseAt, string? reason, DateTimeOffset at, string actor)
    {
        if (WithdrawnAt is not null)
            throw new ConflictException("advisory-withdrawn", $"{Reference} was withdrawn.");
        if (ScheduledAt is not null && at >= ReleaseAt)
            throw new ConflictException("already-released", $"{Reference} was released at {Moments.Show(ReleaseAt)}; its release time can no longer move.");
        if (releaseAt <= at)
            throw new DomainException("release-in-past", "The new release time must lie in the future.");
        var old = ReleaseAt;
        ReleaseAt = releaseAt.ToUniversalTime();
        AddRevision(at, $"Release moved from {Moments.Show(old)} to {Moments.Show(ReleaseAt)}: {TextRules.Required(reason, "reason", 500, TextShape.Prose)}", actor);
    }

    /// <summary>
    /// Breaks the embargo on purpose (exploitation was seen before release): the release time
    /// becomes <paramref name="at"/>, so the advisory is released now. Only a scheduled advisory
    /// not yet released or withdrawn has an embargo to break.
    /// </summary>
    /// <exception cref="ConflictException"><c>advisory-withdrawn</c>, <c>already-released</c> or <c>advisory-draft</c>.</exception>
    public void BreakEmbargo(string? reason, DateTimeOffset at, string actor)
    {
        if (WithdrawnAt is not null)
            throw new ConflictException("advisory-withdrawn", $"{Reference} was withdrawn; it has no embargo to break.");
        if (ScheduledAt is null)
            throw new ConflictException("advisory-draft",
                $"{Reference} is a draft: nothing of it went out, so there is no embargo to break. Schedule it, or move its release time.");
        if (at >= ReleaseAt)
            throw new ConflictException("already-released", $"{Reference} was released at {Moments.Show(ReleaseAt)}; its embargo is over already.");
        var why = TextRules.Required(reason, "reason", 500, TextShape.Prose);
        var old = ReleaseAt;
        ReleaseAt = at;
        AddRevision(at, $"Embargo broken: released at {Moments.Show(at)} instead of {Moments.Show(old)}: {why}", actor);
    }

    public void Withdraw(string? reason, DateTimeOffset at, string actor)
    {
        if (WithdrawnAt is not null)
            throw new ConflictException("advisory-withdrawn", $"{Reference} is already withdrawn.");
        WithdrawnReason = TextRules.Required(reason, "reason for withdrawal", 500, TextShape.Prose);
        WithdrawnAt = at;
        AddRevision(at, "Withdrawn: " + WithdrawnReason, actor);
    }

    /// <summary>Changes the descriptive fields and records a revision.</summary>
    public void Revise(string? title, string? summary, IEnumerable<string>? cveIds, IEnumerable<string>? products,
        string? cvssVector, string? change, DateTimeOffset at, string actor)
    {
        if (WithdrawnAt is not null)
            throw new ConflictException("advisory-withdrawn", $"{Reference} was withdrawn and cannot be revised.");
        Apply(title, summary, cveIds, products, cvssVector);
        AddRevision(at, TextRules.Required(change, "summary of the change", 500, TextShape.Prose), actor);
    }

    /// <summary>The structured details as one value.</summary>
    public AdvisoryDetails Details => new(Tlp, Notes, References, Products, Vulnerabilities);

    /// <summary>
    /// Replaces the structured details (label, notes, references, products, vulnerabilities).
    /// The CVE list then follows the vulnerabilities, and the headline CVSS vector, when none is
    /// set, is the highest-scoring one among them.
    /// </summary>
    public void Describe(AdvisoryDetails details, string? change, DateTimeOffset at, string actor)
    {
        if (WithdrawnAt is not null)
            throw new ConflictException("advisory-withdrawn", $"{Reference} was withdrawn and cannot be revised.");
        var summary = TextRules.Required(change, "summary of the change", 500, TextShape.Prose);
        SetDetails(details);
        AddRevision(at, summary, actor);
    }

    private void SetDetails(AdvisoryDetails details)
    {
        var d = details.Checked();
        Tlp = d.Tlp;
        Notes = d.Notes;
        References = d.References;
        Products = d.Products;
        Vulnerabilities = d.Vulnerabilities;
        var cves = d.Vulnerabilities.Where(v => v.Cve is not null).Select(v => v.Cve!).ToList();
        if (cves.Count > 0) CveIds = cves;
        if (CvssVector is null)
        {
            var best = d.Vulnerabilities.SelectMany(v => v.Scores).Select(s => CvssVectors.Score(s.Vector))
                .OrderByDescending(s => s.BaseScore).ThenByDescending(s => s.Version).FirstOrDefault();
            CvssVector = best?.Vector;
            CvssScore = best?.BaseScore;
        }
    }

    private void Apply(string? title, string? summary, IEnumerable<string>? cveIds, IEnumerable<string>? products, string? cvssVector)
    {
        Title = TextRules.Required(title, "title", 300);
        Summary = TextRules.Optional(summary, "summary", 8000);
        CveIds = [.. (cveIds ?? []).Select(CveId.Parse).Distinct()];
        var named = Product.Named(products, Products);
        var referenced = Vulnerabilities.SelectMany(ReferencedProducts).ToHashSet();
        var dropped = Products.FirstOrDefault(p => referenced.Contains(p.Id) && named.All(n => n.Id != p.Id));
        if (dropped is not null)
            throw new DomainException("invalid-product",
                $"{dropped.Name} cannot be removed: a vulnerability of the advisory refers to it; revise the vulnerabilities first.");
        // Products named here keep the identifiers and details they already had.
        Products = [.. named.Select(n => Products.FirstOrDefault(p => p.Id == n.Id) ?? n)];
        if (string.IsNullOrWhiteSpace(cvssVector))
        {
            CvssVector = null;
            CvssScore = null;
        }
        else
        {
            var cvss = CvssVectors.Score(cvssVector);
            CvssVector = cvss.Vector;
            CvssScore = cvss.BaseScore;
        }
    }

    private static IEnumerable<string> ReferencedProducts(Vulnerability v) =>
        v.ProductStatuses.SelectMany(s => s.ProductIds)
            .Concat(v.Scores.SelectMany(s => s.ProductIds))
            .Concat(v.Remediations.SelectMany(r => r.ProductIds));

    private void AddRevision(DateTimeOffset at, string summary, string actor) =>
        Revisions = [.. Revisions, new Revision(Revisions.Count + 1, at, summary, actor)];
}
