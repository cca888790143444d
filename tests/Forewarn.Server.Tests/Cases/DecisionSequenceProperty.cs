using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace Forewarn.Server.Tests.Cases;

/// <summary>
/// For random sequences of decisions (and reinstatements of earlier ones) on a partner, the
/// partner's status, restrictions and tier are after every step exactly what the decisions say,
/// and each refused decision is refused for the reason a plain model of the rules gives.
/// </summary>
public sealed class DecisionSequenceProperty : IAsyncLifetime
{
    private static readonly string[] Kinds = ["warning", "restrict", "move-tier", "probation", "suspend", "remove", "reinstate"];
    private static readonly string[] Classes = ["notice", "description", "detection", "indicators", "mitigation", "poc"];
    private static readonly string[] Tiers = ["Entry", "Trusted", "Validate"];

    private sealed record Step(int Kind, int Pick)
    {
        public override string ToString() => $"{Kinds[Kind]}:{Pick}";
    }

    private static readonly Gen<Step[]> Plans = Gen.ArrayOf(
        from kind in Gen.Frequency((3, Gen.Choose(0, 4)), (1, Gen.Constant(5)), (4, Gen.Constant(6)))
        from pick in Gen.Choose(0, 1 << 12)
        select new Step(kind, pick), 10);

    /// <summary>What a decision did, as the model remembers it.</summary>
    private sealed record Made(string Kind, IReadOnlySet<string> Added, string? Tier, string? PreviousTier, string? Status, string? PreviousStatus)
    {
        public bool Lifted { get; set; }
    }

    private sealed class Model
    {
        public string Status = "active";
        public SortedSet<string> Restrictions = new(StringComparer.Ordinal);
        public string Tier = "Trusted";
        public List<Made> Decisions = [];

        private static readonly Dictionary<string, string[]> Moves = new()
        {
            ["active"] = ["probation", "suspended", "removed"],
            ["probation"] = ["active", "suspended", "removed"],
            ["suspended"] = ["active", "probation", "removed"],
            ["removed"] = [],
        };

        /// <summary>Applies a decision; the refusal's code when the rules refuse it.</summary>
        public string? Apply(string kind, string[] classes, string tier, int lifts)
        {
            if (Status == "removed") return "partner-removed";
            switch (kind)
            {
                case "warning":
                    Decisions.Add(new("warning", new HashSet<string>(), null, null, null, null));
                    return null;
                case "restrict":
                    var added = classes.Where(c => !Restrictions.Contains(c)).ToHashSet();
                    if (added.Count == 0) return "already-restricted";
                    Restrictions.UnionWith(added);
                    Decisions.Add(new("restrict", added, null, null, null, null));
                    return null;
                case "move-tier":
                    if (tier == Tier) return "same-tier";
                    Decisions.Add(new("move-tier", new HashSet<string>(), tier, Tier, null, null));
                    Tier = tier;
                    return null;
                case "reinstate":
                    if (lifts < 1 || lifts > Decisions.Count) return "not-found";
                    var d = Decisions[lifts - 1];
                    var refusal = Lift(d);
                    Decisions.Add(new("reinstate", new HashSet<string>(), null, null, null, null));
                    if (refusal is not null) Decisions.RemoveAt(Decisions.Count - 1);
                    return refusal;
                default:
                    var to = kind switch { "probation" => "probation", "suspend" => "suspended", _ => "removed" };
                    if (!Moves[Status].Contains(to)) return "illegal-status-change";
                    Decisions.Add(new(kind, new HashSet<string>(), null, null, to, Status));
                    Status = to;
                    return null;
            }
        }

        private string? Lift(Made d)
        {
            if (d.Kind == "remove") return "removal-final";
            if (d.Kind is "warning" or "reinstate") return "nothing-to-lift";
            if (d.Lifted) return "already-lifted";
            switch (d.Kind)
            {
                case "restrict":
                    var back = d.Added.Where(Restrictions.Contains).ToList();
                    if (back.Count == 0) return "nothing-to-lift";
                    Restrictions.ExceptWith(back);
                    break;
                case "move-tier":
                    if (Tier != d.Tier) return "changed-since";
                    Tier = d.PreviousTier!;
                    break;
                default:
                    if (Status != d.Status) return "changed-since";
                    Status = d.PreviousStatus is "active" or "probation" && d.PreviousStatus != d.Status ? d.PreviousStatus : "active";
                    break;
            }
            d.Lifted = true;
            return null;
        }
    }

    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_partner_is_always_what_its_decisions_say()
    {
        var staff = _f.Staff();
        var run = 0;
        foreach (var plan in Plans.Sample(5))
        {
            var partner = await NewPartnerAsync(staff, ++run);
            var reference = await CaseSteps.OpenAsync(staff);
            var model = new Model();
            foreach (var step in plan)
            {
                var kind = Kinds[step.Kind];
                var classes = Classes.Where((_, i) => (step.Pick >> i & 1) == 1).DefaultIfEmpty(Classes[step.Pick % Classes.Length]).ToArray();
                var tier = Tiers[step.Pick % Tiers.Length];
                var lifts = model.Decisions.Count == 0 ? 1 : step.Pick % model.Decisions.Count + 1;
                var expected = model.Apply(kind, classes, tier, lifts);
                var response = await CaseSteps.DecideAsync(staff, reference, partner, kind, "Step of a random plan", classes, tier, lifts);
                var body = await response.Content.ReadAsStringAsync();
                var context = $"plan {string.Join(" ", plan.Select(s => s.ToString()))}, step {step}: {(int)response.StatusCode} {body}";
                if (expected is null) Assert.True(response.StatusCode == HttpStatusCode.Created, context);
                else Assert.True(((string?)JsonNode.Parse(body)!["type"])?.EndsWith(":" + expected, StringComparison.Ordinal) == true, $"expected {expected}; {context}");

                var shown = await CaseSteps.PartnerAsync(staff, partner);
                Assert.True(model.Status == (string?)shown["status"], $"status {shown["status"]}, model {model.Status}; {context}");
                Assert.True(model.Tier == (string?)shown["tier"], $"tier {shown["tier"]}, model {model.Tier}; {context}");
                Assert.True(model.Restrictions.SequenceEqual(shown["restrictions"]!.AsArray().Select(c => (string)c!).Order(StringComparer.Ordinal)),
                    $"restrictions {shown["restrictions"]!.ToJsonString()}, model {string.Join(",", model.Restrictions)}; {context}");
            }
        }
    }

    private static async Task<Guid> NewPartnerAsync(HttpClient staff, int run)
    {
        var admitted = await staff.PostJson("/api/v1/partners", new
        {
            legalName = $"Random Plan {run} Security", headquartersCountry = "NL", jurisdictions = new[] { "NL" }, category = "antivirus-edr",
            tier = "Trusted", contract = new { ndaVersion = "2025-1", signedAt = ForewarnFactory.Start.AddDays(-3) },
        }, HttpStatusCode.Created);
        var id = Guid.Parse((string)admitted["id"]!);
        await staff.PostJson($"/api/v1/partners/{id}/status", new { status = "active", reason = "NDA signed" }, HttpStatusCode.OK);
        return id;
    }
}
