using System.Text;

namespace Forewarn.Transparency.Notes;

/// <summary>One signature line of a note: the key name, the key id and the signature.</summary>
public sealed record NoteSignature(string Name, byte[] KeyId, byte[] Signature);

/// <summary>
/// A C2SP signed note: a UTF-8 text ending in a newline, a blank line, and signature lines
/// "— name base64(key id ‖ signature)" (U+2014, a space). The signatures cover the text including
/// its final newline. No ASCII control characters other than newline are allowed anywhere.
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    private const string Dash = "\u2014 ";
    public const int MaxSignatures = 100;

    /// <summary>Signs <paramref name="text"/> with <paramref name="key"/> and gives the note's bytes.</summary>
    public static string Sign(string text, NoteKey key)
    {
        CheckText(text);
        var signature = key.Sign(Encoding.UTF8.GetBytes(text));
        return text + "\n" + Line(key.Name, key.KeyId, signature);
    }

    /// <summary>Adds a signature line (a witness's cosignature, say) to a signed note.</summary>
    public static string AddSignature(string note, NoteKey key)
    {
        var parsed = Parse(note);
        var signature = key.Sign(Encoding.UTF8.GetBytes(parsed.Text));
        return note + Line(key.Name, key.KeyId, signature);
    }

    private static string Line(string name, byte[] keyId, byte[] signature) =>
        $"{Dash}{name} {Convert.ToBase64String([.. keyId, .. signature])}\n";

    /// <summary>Parses a note's form (the signatures are not checked: see <see cref="Open"/>).</summary>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Any(c => c < 0x20 && c != '\n')) throw new FormatException("A note holds no control characters other than newline.");
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) throw new FormatException("A note is a text, a blank line and signature lines.");
        var text = note[..(split + 1)];
        var lines = note[(split + 2)..];
        if (!lines.EndsWith('\n')) throw new FormatException("A note's last signature line ends with a newline.");
        var signatures = new List<NoteSignature>();
        foreach (var line in lines[..^1].Split('\n'))
        {
            if (!line.StartsWith(Dash, StringComparison.Ordinal)) throw new FormatException("A signature line starts with an em dash and a space.");
            var rest = line[Dash.Length..];
            var space = rest.LastIndexOf(' ');
            if (space <= 0) throw new FormatException("A signature line reads '— name signature'.");
            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(rest[(space + 1)..]);
            }
            catch (FormatException)
            {
                throw new FormatException("A note signature is base64.");
            }
            if (blob.Length < 5) throw new FormatException("A note signature holds a key id and a signature.");
            signatures.Add(new NoteSignature(rest[..space], blob[..4], blob[4..]));
        }
        if (signatures.Count == 0) throw new FormatException("A note needs at least one signature line.");
        if (signatures.Count > MaxSignatures) throw new FormatException($"A note may carry at most {MaxSignatures} signatures.");
        return new SignedNote(text, signatures);
    }

    /// <summary>
    /// The note's text when it carries a valid signature by <paramref name="key"/> (matched by name
    /// and key id); null when it carries none or a wrong one. A malformed note throws <see cref="FormatException"/>.
    /// </summary>
    public static string? Open(string note, NoteKey key)
    {
        var parsed = Parse(note);
        var mine = parsed.Signatures.FirstOrDefault(s => s.Name == key.Name && s.KeyId.AsSpan().SequenceEqual(key.KeyId));
        return mine is not null && key.Verify(Encoding.UTF8.GetBytes(parsed.Text), mine.Signature) ? parsed.Text : null;
    }

    private static void CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !text.EndsWith('\n')) throw new FormatException("A note's text ends with a newline.");
        if (text.Contains("\n\n", StringComparison.Ordinal)) throw new FormatException("A note's text holds no blank line.");
        if (text.Any(c => c < 0x20 && c != '\n')) throw new FormatException("A note holds no control characters other than newline.");
    }
}
