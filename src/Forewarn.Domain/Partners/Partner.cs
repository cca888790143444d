using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Partners;

/// <summary>
/// An organisation in the programme. Its membership status has a dated, reasoned history so
/// that the policy can tell what the partner was entitled to at any moment.
/// </summary>
public sealed class Partner
{
    private Partner() { }

    public PartnerId Id { get; private set; }
    public string LegalName { get; private set; } = "";
    /// <summary>ISO 3166-1 alpha-2 code of the headquarters.</summary>
    public string HeadquartersCountry { get; private set; } = "";
    /// <summary>Jurisdiction codes the partner operates under, besides its headquarters country.</summary>
    public IReadOnlyList<string> Jurisdictions { get; private set; } = [];
    public PartnerCategory Category { get; private set; }
    public string Tier { get; private set; } = "";
    public Contract Contract { get; private set; } = new("", null, null);
    /// <summary>Content classes withheld from this partner whatever its tier says.</summary>
    public IReadOnlyList<ContentClass> Restrictions { get; private set; } = [];
    public PartnerStatus Status { get; private set; }
    public IReadOnlyList<StatusChange> History { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>When the partner was last reviewed (its vetting renewed); null: never since it joined.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>
    /// When the partner is next due for review: <paramref name="every"/> after its last review, or
    /// after it first became a member (active) when it has not been reviewed since.
    /// </summary>
    public DateTimeOffset ReviewDue(TimeSpan every) =>
        (ReviewedAt ?? History.FirstOrDefault(c => c.To == PartnerStatus.Active)?.At ?? CreatedAt) + every;

    /// <summary>Records a review at <paramref name="at"/>; a removed partner is no longer reviewed.</summary>
    public void Review(DateTimeOffset at)
    {
        if (Status == PartnerStatus.Removed)
            throw new ConflictException("partner-removed", $"{LegalName} was removed from the programme; it is no longer reviewed.");
        ReviewedAt = at;
    }

    /// <summary>The contract expiry the partner was last warned of (so each expiry is warned of once).</summary>
    public DateTimeOffset? ContractWarnedFor { get; private set; }

    /// <summary>The actor named on changes the programme makes by itself (a contract's expiry).</summary>
    public const string Programme = "programme";

    public static Partner Create(
        string? legalName, string? headquartersCountry, IEnumerable<string>? jurisdictions,
        PartnerCategory category, string tier, Contract contract, DateTimeOffset at, string actor)
    {
        var hq = CountryCode.Parse(headquartersCountry, "headquarters country");
        var partner = new Partner
        {
            Id = PartnerId.New(),
            LegalName = TextRules.Required(legalName, "legal name"),
            HeadquartersCountry = hq,
            Category = category,
            Tier = TextRules.Required(tier, "tier", 60),
            Contract = contract,
            Status = PartnerStatus.Applicant,
            CreatedAt = at,
            History = [StatusChange.Joined(at, actor)],
        };
        partner.SetJurisdictions(jurisdictions);
        return partner;
    }

    /// <summary>Every jurisdiction whose law applies: headquarters country first, then the others.</summary>
    public IReadOnlyList<string> AllJurisdictions =>
        [HeadquartersCountry, .. Jurisdictions.Where(j => j != HeadquartersCountry)];

    /// <summary>The status in force at <paramref name="at"/>, read from the history.</summary>
    public PartnerStatus StatusAt(DateTimeOffset at)
    {
        var status = PartnerStatus.Applicant;
        for (var i = 0; i < History.Count; i++)
        {
            if (History[i].At > at) break;
            status = History[i].To;
        }
        return status;
    }

    /// <summary>When the status in force at <paramref name="at"/> began.</summary>
    public DateTimeOffset StatusSince(DateTimeOffset at) =>
        History.LastOrDefault(c => c.At <= at)?.At ?? CreatedAt;

    /// <summary>Moves the partner along its life cycle; refuses illegal moves and moves back in time.</summary>
    public void ChangeStatus(PartnerStatus to, string? reason, DateTimeOffset at, string actor)
    {
        if (!PartnerStatuses.CanMove(Status, to))
        {
            var next = PartnerStatuses.NextFrom(Status);
            var hint = next.Count == 0
                ? "removal is final"
                : "from " + Status.Name() + " it can move to " + string.Join(", ", next.Select(s => s.Name()));
            throw new ConflictException("illegal-status-change",
                $"{LegalName} cannot move from {Status.Name()} to {to.Name()}: {hint}.");
        }
        if (History.Count > 0 && at < History[^1].At)
            throw new ConflictException("status-change-in-past",
                $"A status change cannot predate the last one ({Moments.Show(History[^1].At)}).");
        var why = TextRules.Required(reason, "reason for the status change", 500, TextShape.Prose);
        History = [.. History, new StatusChange(Status, to, at, why, actor)];
        Status = to;
    }

    /// <summary>
    /// Suspends a receiving partner whose contract has expired by <paramref name="now"/>, dated
    /// <paramref name="now"/> (never backdated: the policy already withheld everything from the
    /// expiry on). Returns whether it did.
    /// </summary>
    public bool SuspendForExpiredContract(DateTimeOffset now)
    {
        if (Contract.ExpiresAt is not { } expired || expired > now || !StatusAt(now).Receives()) return false;
        ChangeStatus(PartnerStatus.Suspended,
            $"NDA {Contract.NdaVersion} expired on {Moments.Show(expired)}: suspended automatically until a new contract is signed", now, Programme);
        return true;
    }

    /// <summary>
    /// Whether to warn the partner now that its contract expires within <paramref name="ahead"/>:
    /// once per expiry date (a renewed contract with a new date is warned of again).
    /// </summary>
    public bool WarnOfContractExpiry(DateTimeOffset now, TimeSpan ahead)
    {
        if (Contract.ExpiresAt is not { } expires || expires <= now || expires - now > ahead
            || ContractWarnedFor == expires || !StatusAt(now).Receives()) return false;
        ContractWarnedFor = expires;
        return true;
    }

    public void Rename(string? legalName) => LegalName = TextRules.Required(legalName, "legal name");

    public void MoveToTier(string tier) => Tier = TextRules.Required(tier, "tier", 60);

    public void SetContract(Contract contract) => Contract = contract;

    public void SetCategory(PartnerCategory category) => Category = category;

    public void SetHeadquarters(string? country) =>
        HeadquartersCountry = CountryCode.Parse(country, "headquarters country");

    public void SetJurisdictions(IEnumerable<string>? jurisdictions) =>
        Jurisdictions = [.. (jurisdictions ?? []).Select(j => j.Trim().ToUpperInvariant()).Where(j => j.Length > 0).Distinct()];

    public void SetRestrictions(IEnumerable<ContentClass> withheld) =>
        Restrictions = [.. withheld.Distinct().Order()];

    /// <summary>The facts the policy reads about this partner, besides its status.</summary>
    public PartnerFacts Facts => new(Tier, HeadquartersCountry, Jurisdictions, Restrictions, Contract, History.Count);

    /// <summary>This partner as it was when <paramref name="facts"/> were in force (its status history is the same record).</summary>
    public Partner AsOf(PartnerFacts facts)
    {
        var then = (Partner)MemberwiseClone();
        then.Tier = facts.Tier;
        then.HeadquartersCountry = facts.Headquarters;
        then.Jurisdictions = facts.Jurisdictions;
        then.Restrictions = facts.Restrictions;
        then.Contract = facts.Contract;
        if (facts.StatusChanges < History.Count)
        {
            then.History = [.. History.Take(facts.StatusChanges)];
            then.Status = then.History.Count > 0 ? then.History[^1].To : PartnerStatus.Applicant;
        }
        return then;
    }
}
