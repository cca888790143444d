using System.Text.Json.Nodes;

namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>The items of <c>/document/tracking/revision_history</c> and the document's tracking data.</summary>
internal static class RevisionHistory
{
    public const string TrackingPointer = "/document/tracking";

    /// <summary>One revision: its number as written and parsed, its date, and where it is.</summary>
    public sealed record Revision(string Number, DocumentVersion? Version, DateTimeOffset? Date, string Pointer)
    {
        public string NumberPointer => Pointer.Property("number");
    }

    public static JsonNode? Tracking(JsonNode document) => document.Get("document").Get("tracking");

    /// <summary>Every revision with a number, in document order.</summary>
    public static IReadOnlyList<Revision> Items(JsonNode document) =>
        Tracking(document).Get("revision_history").Items()
            .Where(r => r.Item.Get("number").Text() is not null)
            .Select(r => new Revision(
                r.Item.Get("number").Text()!,
                DocumentVersion.Parse(r.Item.Get("number").Text()),
                Timestamp.Parse(r.Item.Get("date").Text()),
                TrackingPointer.Property("revision_history").Index(r.Index)))
            .ToList();

    /// <summary>
    /// The revisions sorted ascending by date, revisions of the same date by their number — the order
    /// the spec's tests 6.1.14, 6.1.16 and 6.1.21 refer to. Null when a date or number cannot be read.
    /// </summary>
    public static IReadOnlyList<Revision>? SortedByDate(JsonNode document)
    {
        var items = Items(document);
        if (items.Any(r => r.Date is null || r.Version is null)) return null;
        return [.. items.OrderBy(r => r.Date!.Value).ThenBy(r => r.Version!)];
    }
}
