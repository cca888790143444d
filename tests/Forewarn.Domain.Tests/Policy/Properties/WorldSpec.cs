using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>One dated step of a generated membership history.</summary>
internal sealed record StatusStep(PartnerStatus To, DateTimeOffset At);

/// <summary>A generated partner: where it is, how its membership went, its NDA and its restrictions.</summary>
internal sealed record PartnerSpec(
    string Headquarters, IReadOnlyList<string> AlsoUnder, IReadOnlyList<StatusStep> Steps,
    DateTimeOffset? Signed, DateTimeOffset? Expires, IReadOnlyList<ContentClass> Restrictions);

/// <summary>A generated configurable rule.</summary>
internal sealed record RuleSpec(string Id, PolicyRuleKind Kind, string? Fact, IReadOnlyList<ContentClass> Classes, bool AtReleaseOnly);

/// <summary>A generated wave: it publishes either the artifact asked about or another one.</summary>
internal sealed record WaveSpec(DateTimeOffset At, bool PublishesTarget);

/// <summary>A generated advisory with the artifact asked about (<see cref="Target"/>) and one other.</summary>
internal sealed record AdvisorySpec(
    DateTimeOffset Release, DateTimeOffset? Scheduled, DateTimeOffset? Withdrawn,
    ContentClass Target, ContentClass Other, IReadOnlyList<WaveSpec> Waves);

/// <summary>A generated jurisdiction the programme knows, with the facts about its law.</summary>
internal sealed record JurisdictionSpec(string Code, IReadOnlyList<string> Facts);
