using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>Invariant (a): nothing is allowed before it opens.</summary>
public sealed class NothingBeforeItOpensProperties
{
    /// <summary>Whether a lawful route to the artifact exists at <paramref name="t"/>.</summary>
    private static bool RouteOpenAt(World w, DateTimeOffset t)
    {
        var release = w.Advisory.Release;
        var viaWave = Model.Lead(w) is { } lead
            && w.Advisory.Waves.Any(x => x.PublishesTarget && x.At <= t)
            && t >= release - lead;
        var viaRelease = Model.PublicAtRelease(w) && t >= release;
        return viaWave || viaRelease;
    }

    [Property(MaxTest = 2000)]
    public Property An_allowed_artifact_has_opened_through_a_published_wave_in_the_tier_window_or_the_release() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            var e = EntitlementPolicy.Decide(w.Query);
            return !e.Allowed || (e.OpensAt is { } o && o <= w.At && RouteOpenAt(w, w.At));
        });

    [Property(MaxTest = 2000)]
    public Property The_opening_time_given_is_itself_a_moment_when_a_route_is_open() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            var e = EntitlementPolicy.Decide(w.Query);
            return e.OpensAt is not { } o || RouteOpenAt(w, o);
        });
}
