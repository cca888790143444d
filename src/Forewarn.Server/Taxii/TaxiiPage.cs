namespace Forewarn.Server.Taxii;

/// <summary>
/// One page of a TAXII list: at most <c>limit</c> objects after the cursor, whether more follow
/// and the cursor for them, and the X-TAXII-Date-Added-First/Last headers of the page.
/// </summary>
public sealed record TaxiiPage(IReadOnlyList<TaxiiObject> Items, bool More, string? Next)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>Reads limit and next, then takes the page from the ordered view; or a sentence saying what is wrong.</summary>
    public static (TaxiiPage? Page, string? Error) Of(OrderedObjects objects, TaxiiFilter filter, string endpoint, IQueryCollection query)
    {
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var l))
        {
            if (!int.TryParse(l.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 1)
                return (null, $"limit '{l}' must be a whole number of at least 1.");
            limit = Math.Min(limit, MaxLimit);
        }
        var fingerprint = TaxiiCursor.Fingerprint(endpoint, filter);
        TaxiiCursor? after = null;
        if (query.TryGetValue("next", out var n))
        {
            after = TaxiiCursor.Decode(n.ToString());
            if (after is null) return (null, "next is not a value this server handed out.");
            if (after.Query != fingerprint)
                return (null, "next belongs to another request: repeat the same filters (and added_after) as the request that returned it.");
        }
        var ordered = objects.Select(filter, after).Take(limit + 1).ToList();
        var more = ordered.Count > limit;
        if (more) ordered.RemoveAt(limit);
        return (new TaxiiPage(ordered, more, more ? TaxiiCursor.After(ordered[^1], fingerprint).Encode() : null), null);
    }

    public void WriteHeaders(HttpResponse response)
    {
        if (Items.Count == 0) return;
        response.Headers["X-TAXII-Date-Added-First"] = TaxiiTime.Format(Items.Min(o => o.DateAdded));
        response.Headers["X-TAXII-Date-Added-Last"] = TaxiiTime.Format(Items.Max(o => o.DateAdded));
    }
}
