using Forewarn.Transparency.Notes;

namespace Forewarn.Transparency.Tests;

/// <summary>
/// Signed notes against the reference vector of Go's golang.org/x/mod/sumdb/note (the
/// PeterNeumann key, its text and signature): the same bytes, signed and opened.
/// </summary>
public sealed class SignedNoteTests
{
    private const string SignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string VerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string Text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string Note = Text + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void The_reference_key_signs_the_reference_note_byte_for_byte()
    {
        var key = NoteKey.FromSignerKey(SignerKey);
        Assert.Equal(VerifierKey, key.VerifierKey);
        Assert.Equal(SignerKey, key.SignerKey);
        Assert.Equal(Note, SignedNote.Sign(Text, key));
    }

    [Fact]
    public void The_reference_note_opens_with_the_verifier_key_and_not_when_altered()
    {
        var key = NoteKey.FromVerifierKey(VerifierKey);
        Assert.Equal(Text, SignedNote.Open(Note, key));
        Assert.Null(SignedNote.Open(Note.Replace("answer", "Answer", StringComparison.Ordinal), key));
        var other = NoteKey.Generate("PeterNeumann");
        Assert.Null(SignedNote.Open(Note, other));
        Assert.Throws<FormatException>(() => SignedNote.Open(Text, key));
        Assert.Throws<FormatException>(() => SignedNote.Open(Note.Replace("\u2014", "--", StringComparison.Ordinal), key));
        Assert.Throws<FormatException>(() => NoteKey.FromVerifierKey(VerifierKey.Replace("c74f20a3", "c74f20a4", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_cosignature_is_one_more_line_and_both_open()
    {
        var log = NoteKey.Generate("log.example/forewarn");
        var witness = NoteKey.Generate("witness.example");
        var checkpoint = new Checkpoint("log.example/forewarn", 42, new byte[32]).ToText();
        var cosigned = SignedNote.AddSignature(SignedNote.Sign(checkpoint, log), witness);
        Assert.Equal(checkpoint, SignedNote.Open(cosigned, log));
        Assert.Equal(checkpoint, SignedNote.Open(cosigned, witness));
        Assert.Equal(2, SignedNote.Parse(cosigned).Signatures.Count);
    }

    [Theory]
    [InlineData("origin\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", true)]
    [InlineData("origin\n012\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", false)]
    [InlineData("origin\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", false)]
    [InlineData("origin\n12\nAAAA\n", false)]
    [InlineData("origin\n12\n", false)]
    [InlineData("origin\n12\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", false)]
    public void Checkpoints_read_only_in_their_exact_form(string text, bool valid)
    {
        if (valid) Assert.Equal(text, Checkpoint.Parse(text).ToText());
        else Assert.Throws<FormatException>(() => Checkpoint.Parse(text));
    }
}
