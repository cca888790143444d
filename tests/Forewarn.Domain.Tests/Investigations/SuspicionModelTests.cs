using Forewarn.Domain.Investigations;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Investigations;

/// <summary>The suspicion model on small, hand-made programmes: what it says and what it refuses.</summary>
public sealed class SuspicionModelTests
{
    private static readonly Guid[] P = RandomIncidents.Partners(10);

    private static Incident Of(string name, params (int Partner, Holding Holding)[] suspects) =>
        new(name, 10, suspects.Select(s => new Suspect(P[s.Partner], s.Holding)).ToList());

    [Fact]
    public void It_says_how_many_sets_against_what_chance_gives()
    {
        var incidents = new[]
        {
            Of("a", (0, Holding.FetchedPoc)),
            Of("b", (0, Holding.FetchedOther)),
            Of("c", (0, Holding.EntitledNotFetched), (1, Holding.FetchedPoc)),
            Of("d", (1, Holding.EntitledNotFetched), (2, Holding.EntitledNotFetched)),
        };
        var results = SuspicionModel.Assess(incidents, 10, SuspicionSettings.Default);
        var first = results[0];
        Assert.Equal(P[0], first.Partner);
        Assert.Equal("in 3 of 4 suspect sets, 0.6 expected by chance", first.Summary);
        Assert.Equal((3, 7), (first.Appearances, first.Score));
        Assert.Equal((4 + 2 + 5 + 2) / 10.0, first.ExpectedScore, 12);
        Assert.Equal(0.01 / 10, first.Threshold, 15);
        Assert.Equal(["in 1 of 4 suspect sets, 0.6 expected by chance"], results.Where(r => r.Partner == P[2]).Select(r => r.Summary));
        Assert.Equal("in 0 of 4 suspect sets, 0.6 expected by chance", SuspicionModel.For(P[9], incidents, 10, SuspicionSettings.Default).Summary);
        Assert.Equal(1, SuspicionModel.For(P[9], incidents, 10, SuspicionSettings.Default).PValue);
    }

    [Fact]
    public void A_partner_alone_in_small_sets_again_and_again_is_flagged_one_in_a_crowd_is_not()
    {
        var partners = RandomIncidents.Partners(1000);
        var alone = Enumerable.Range(0, 4).Select(i => new Incident($"i{i}", 1000, [new Suspect(partners[0], Holding.FetchedPoc)])).ToList();
        var crowd = Enumerable.Range(0, 4).Select(i => new Incident($"i{i}", 1000, partners.Take(900).Select(p => new Suspect(p, Holding.FetchedPoc)).ToList())).ToList();
        Assert.True(SuspicionModel.For(partners[0], alone, 1000, SuspicionSettings.Default).Flagged);
        Assert.DoesNotContain(SuspicionModel.Assess(crowd, 1000, SuspicionSettings.Default), s => s.Flagged);
    }

    [Fact]
    public void Impossible_incidents_and_settings_are_refused()
    {
        Expect.Refusal("invalid-incident", () => SuspicionModel.Assess([new Incident("x", 1, [new(P[0], Holding.Accused), new(P[1], Holding.Accused)])], 10, SuspicionSettings.Default));
        Expect.Refusal("invalid-incident", () => SuspicionModel.Assess([new Incident("x", 5, [new(P[0], Holding.Accused), new(P[0], Holding.FetchedPoc)])], 10, SuspicionSettings.Default));
        Expect.Refusal("invalid-setting", () => SuspicionModel.Assess([], 10, SuspicionSettings.Default with { FalseAlarmRate = 0 }));
        Expect.Refusal("invalid-setting", () => SuspicionModel.Assess([], 10, SuspicionSettings.Default with { Weights = new(0, 1, 1, 1) }));
        Assert.Empty(SuspicionModel.Assess([], 10, SuspicionSettings.Default));
    }
}
