
namespace Forewarn.Server.Taxii;

/// <summary>
/// The filters of a TAXII request (TAXII 2.1 section 3.5): added_after, match[id], match[type],
/// match[version] (last by default, first, all, or timestamps) and match[spec_version]. Values
/// are comma-separated lists; an object passes when it matches any value of every filter given.
/// </summary>
public sealed record TaxiiFilter(
    DateTimeOffset? AddedAfter,
    IReadOnlySet<string>? Ids,
    IReadOnlySet<string>? Types,
    IReadOnlyList<string> Versions,
    IReadOnlySet<string>? SpecVersions)
{
    /// <summary>What the request's filters say, in a stable text form the paging cursor is bound to.</summary>
    public string Canonical => string.Join("|",
        AddedAfter is { } a ? TaxiiTime.Format(a) : "",
        Sorted(Ids), Sorted(Types), string.Join(",", Versions), Sorted(SpecVersions));

    private static string Sorted(IReadOnlySet<string>? set) => set is null ? "" : string.Join(",", set.Order(StringComparer.Ordinal));

    /// <summary>
    /// Reads the filters an endpoint allows; others are ignored, as the
    /// spec lets a server do. Returns a sentence when a value cannot be understood.
    /// </summary>
    public static (TaxiiFilter? Filter, string? Error) Read(IQueryCollection query, bool allowMatchIdType, bool allowVersion)
    {
        DateTimeOffset? addedAfter = null;
        if (query.TryGetValue("added_after", out var aa))
        {
            if (!TaxiiTime.TryParse(aa.ToString(), out var at))
                return (null, $"added_after '{aa}' is not a timestamp (RFC 3339, e.g. 2026-11-28T12:00:00.000Z).");
            addedAfter = at;
        }
        var versions = allowVersion ? List(query, "match[version]") : null;
        versions ??= ["last"];
        foreach (var v in versions)
        {
            if (v is not ("last" or "first" or "all") && !TaxiiTime.TryParse(v, out _))
                return (null, $"match[version] '{v}' must be last, first, all or a timestamp.");
        }
        return (new TaxiiFilter(addedAfter,
            allowMatchIdType ? Set(query, "match[id]") : null,
            allowMatchIdType ? Set(query, "match[type]") : null,
            versions,
            Set(query, "match[spec_version]")), null);
    }

    /// <summary>Whether an object passes every filter but match[version].</summary>
    public bool Matches(TaxiiObject o) =>
        (AddedAfter is not { } after || o.DateAdded > after)
        && (Ids is null || Ids.Contains(o.Id))
        && (Types is null || Types.Contains(o.Type))
        && (SpecVersions is null || SpecVersions.Contains(o.SpecVersion));

    /// <summary>
    /// match[version] as a test of one object that <see cref="Matches"/>, given all the versions of
    /// its id in the view (oldest first): first and last are chosen among the versions that match.
    /// </summary>
    public Func<TaxiiObject, IReadOnlyList<TaxiiObject>, bool> VersionChoice()
    {
        if (Versions.Contains("all")) return (_, _) => true;
        var first = Versions.Contains("first");
        var last = Versions.Contains("last");
        var stamps = Versions.Where(v => v is not ("first" or "last")).Select(TaxiiTime.Parse).ToHashSet();
        return (o, versions) => stamps.Contains(o.Version)
            || (first && ReferenceEquals(o, FirstMatching(versions, 0, 1)))
            || (last && ReferenceEquals(o, FirstMatching(versions, versions.Count - 1, -1)));
    }

    private TaxiiObject? FirstMatching(IReadOnlyList<TaxiiObject> versions, int from, int step)
    {
        for (var i = from; i >= 0 && i < versions.Count; i += step)
        {
            if (Matches(versions[i])) return versions[i];
        }
        return null;
    }

    private static List<string>? List(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values)
            ? [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
            : null;

    private static HashSet<string>? Set(IQueryCollection query, string name) =>
        List(query, name) is { } list ? list.ToHashSet(StringComparer.Ordinal) : null;
}
