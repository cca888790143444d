using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Forewarn.Server.Taxii;

namespace Forewarn.Server.Tests.Taxii;

/// <summary>
/// Paging from the ordered view (binary-searched start, filters while walking) gives exactly what
/// filtering, version selection and sorting the whole collection gave: random collections with ties
/// on date_added, several versions per id and mixed spec versions, under random filters and cursors.
/// </summary>
public sealed class OrderedObjectsProperty
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Ids = ["indicator--1", "indicator--2", "note--3", "report--4", "note--5", "vulnerability--6"];
    private static readonly string[] Specs = ["2.0", "2.1"];

    private static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    private static readonly Gen<TaxiiObject> Objects =
        from id in Gen.Elements(Ids)
        from version in Gen.Choose(0, 4)
        from added in Gen.Choose(0, 6)
        from spec in Gen.Elements(Specs)
        select new TaxiiObject(id, id[..id.IndexOf('-', StringComparison.Ordinal)], At(version), spec, At(added), new JsonObject(), null);

    private static Gen<IReadOnlySet<string>?> Subset(string[] of) =>
        Gen.Frequency((1, Gen.Constant<IReadOnlySet<string>?>(null)),
            (2, Gen.SubListOf(of).Select(l => (IReadOnlySet<string>?)l.ToHashSet(StringComparer.Ordinal))));

    private static readonly Gen<TaxiiFilter> Filters =
        from addedAfter in Gen.Frequency((1, Gen.Constant<DateTimeOffset?>(null)), (2, Gen.Choose(-1, 6).Select(m => (DateTimeOffset?)At(m))))
        from ids in Subset(Ids)
        from types in Subset(["indicator", "note", "report", "vulnerability"])
        from versions in Gen.NonEmptyListOf(Gen.OneOf(Gen.Elements("first", "last", "all"), Gen.Choose(0, 4).Select(m => TaxiiTime.Format(At(m)))))
        from specs in Subset(Specs)
        select new TaxiiFilter(addedAfter, ids, types, versions.Distinct().Take(3).ToList(), specs);

    private static readonly Gen<TaxiiCursor?> Cursors =
        Gen.Frequency((1, Gen.Constant<TaxiiCursor?>(null)),
            (3, from added in Gen.Choose(-1, 7) from id in Gen.Elements(Ids) from version in Gen.Choose(-1, 5)
                select (TaxiiCursor?)new TaxiiCursor(At(added).UtcTicks, id, At(version).UtcTicks, "")));

    [Fact]
    public void The_ordered_view_pages_exactly_as_filtering_and_sorting_everything_did()
    {
        var cases = from objects in Gen.ListOf(Objects) from filter in Filters from cursor in Cursors select (objects, filter, cursor);
        foreach (var (generated, filter, cursor) in cases.Sample(2000))
        {
            var objects = generated.DistinctBy(o => (o.Id, o.Version)).ToList(); // a view holds each version once
            var expected = TaxiiCursor.Order(Reference(filter, objects)).Where(o => cursor is null || cursor.Precedes(o)).ToList();
            var actual = new OrderedObjects(objects).Select(filter, cursor).ToList();
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The filtering the whole-collection code did (TAXII 2.1 section 3.5), kept here as the reference.</summary>
    private static IEnumerable<TaxiiObject> Reference(TaxiiFilter f, IEnumerable<TaxiiObject> objects)
    {
        var passing = objects.Where(o =>
            (f.AddedAfter is not { } after || o.DateAdded > after)
            && (f.Ids is null || f.Ids.Contains(o.Id))
            && (f.Types is null || f.Types.Contains(o.Type))
            && (f.SpecVersions is null || f.SpecVersions.Contains(o.SpecVersion)));
        if (f.Versions.Contains("all")) return passing;
        var stamps = f.Versions.Where(v => v is not ("first" or "last")).Select(TaxiiTime.Parse).ToHashSet();
        return passing.GroupBy(o => o.Id).SelectMany(g =>
        {
            var chosen = new HashSet<TaxiiObject>();
            var ordered = g.OrderBy(o => o.Version).ToList();
            if (f.Versions.Contains("first")) chosen.Add(ordered[0]);
            if (f.Versions.Contains("last")) chosen.Add(ordered[^1]);
            chosen.UnionWith(ordered.Where(o => stamps.Contains(o.Version)));
            return chosen;
        });
    }
}
