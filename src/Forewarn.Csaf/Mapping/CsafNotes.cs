using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;

namespace Forewarn.Csaf.Mapping;

/// <summary>Notes as CSAF writes them, and the document's notes: the summary first, then the advisory's own.</summary>
internal static class CsafNotes
{
    public static JsonObject Note(AdvisoryNote note)
    {
        var node = new JsonObject { ["category"] = note.Category, ["text"] = note.Text };
        if (note.Title is not null) node["title"] = note.Title;
        return node;
    }

    /// <summary>
    /// The summary as a "summary" note unless a note already says the same (an imported document's
    /// summary note is both), then the advisory's notes.
    /// </summary>
    public static JsonArray Document(Advisory advisory)
    {
        var notes = new JsonArray();
        var summary = advisory.Summary.Trim();
        if (summary.Length > 0 && advisory.Notes.All(n => n.Text != summary))
            notes.Add(Note(new AdvisoryNote("summary", "Summary", summary)));
        foreach (var note in advisory.Notes) notes.Add(Note(note));
        return notes;
    }
}
