namespace Forewarn.Server.Taxii;

/// <summary>
/// One caller's view of the collection in paging order (date_added, then id, then version), with
/// each id's versions at hand. Built once per view and shared by every page read from it: a page
/// finds where it starts by binary search and walks forward only as far as it needs, so its cost
/// follows the page, not the collection. Immutable.
/// </summary>
public sealed class OrderedObjects
{
    public static readonly OrderedObjects Empty = new([]);

    private readonly TaxiiObject[] _items;
    private readonly Dictionary<string, TaxiiObject[]> _versions;

    public OrderedObjects(IEnumerable<TaxiiObject> objects)
    {
        _items = [.. TaxiiCursor.Order(objects)];
        _versions = _items.GroupBy(o => o.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Version).ToArray(), StringComparer.Ordinal);
    }

    public int Count => _items.Length;

    /// <summary>Every object version in the view, in paging order.</summary>
    public IReadOnlyList<TaxiiObject> All => _items;

    /// <summary>The versions of one object in this view, oldest first; empty when it holds none.</summary>
    public IReadOnlyList<TaxiiObject> VersionsOf(string id) => _versions.TryGetValue(id, out var v) ? v : [];

    /// <summary>
    /// The objects the filter selects (match[version] chosen among the versions that pass the other
    /// filters, as TAXII asks), strictly after the cursor when there is one, in paging order; lazily.
    /// </summary>
    public IEnumerable<TaxiiObject> Select(TaxiiFilter filter, TaxiiCursor? after)
    {
        var chosen = filter.VersionChoice();
        for (var i = Start(filter.AddedAfter, after); i < _items.Length; i++)
        {
            var o = _items[i];
            if (filter.Matches(o) && chosen(o, _versions[o.Id])) yield return o;
        }
    }

    // Both added_after and the cursor are lower bounds in paging order: start after the later one.
    private int Start(DateTimeOffset? addedAfter, TaxiiCursor? after)
    {
        var start = addedAfter is { } a ? First(o => o.DateAdded > a) : 0;
        return after is null ? start : Math.Max(start, First(after.Precedes));
    }

    /// <summary>The first position whose object satisfies a condition that, in paging order, once true stays true.</summary>
    private int First(Func<TaxiiObject, bool> condition)
    {
        int low = 0, high = _items.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (condition(_items[middle])) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}
