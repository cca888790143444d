using System.Text;
using Forewarn.Domain.Access;
using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;
using Forewarn.Server.Transparency;
using Forewarn.Transparency.Entries;
using Forewarn.Transparency.Tree;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace Forewarn.Server.Tests.Transparency;

/// <summary>
/// Access decisions live only as log entries, so an entry must hold the whole decision: any
/// decision read back from its entry is the same decision, and the entry is already canonical
/// (its hash cannot depend on who re-serialises it).
/// </summary>
public sealed class LogEventProperties
{
    private static readonly Gen<string> Text = Gen.Elements("", "a", "ü \"quoted\" \\ back", "line\nbreak", "\u2014 emoji \U0001F600", "\u0001control");

    /// <summary>A decision and the entry kind it must be logged as, known from how it was made (not from the record).</summary>
    private static Arbitrary<(AccessRecord Record, string Kind)> Records() =>
        (from allowed in Gen.Elements(true, false)
         from refused in Gen.Elements(true, false)
         from ticks in Gen.Choose(0, int.MaxValue)
         from sentence in Text
         from channel in Gen.Elements("api", "taxii")
         from marks in Gen.Choose(0, 5000)
         from withAdvisory in Gen.Elements(true, false)
         select Make(allowed, refused, DateTimeOffset.UnixEpoch.AddTicks(ticks * 997L), sentence, channel, marks, withAdvisory)).ToArbitrary();

    private static (AccessRecord, string) Make(bool allowed, bool refused, DateTimeOffset at, string sentence, string channel, int marks, bool withAdvisory)
    {
        var partner = new PartnerId(Guid.NewGuid());
        var artifact = new ArtifactId(Guid.NewGuid());
        AdvisoryId? advisory = withAdvisory ? new AdvisoryId(Guid.NewGuid()) : null;
        var findings = new List<Finding> { new("membership", allowed ? Effect.Grants : Effect.Denies, sentence, at) };
        var decision = new Entitlement(allowed, at, allowed ? at : null, findings);
        if (!allowed) return (AccessRecord.Of(partner, Guid.NewGuid(), artifact, advisory, channel, decision), "content.denied");
        return refused
            ? (AccessRecord.CopyRefused(partner, Guid.NewGuid(), artifact, advisory, channel, decision, "copy-check", sentence), "content.refused")
            : (AccessRecord.Served(partner, Guid.NewGuid(), artifact, advisory, channel, decision, new string('a', 64), marks), "content.served");
    }

    [Property(MaxTest = 300)]
    public Property A_decision_read_back_from_its_entry_is_the_same_decision() =>
        Prop.ForAll(Records(), made =>
        {
            var (record, kind) = made;
            var logged = record.ToLogEvent();
            var back = AccessRecord.FromEntry(logged.Body);
            return back == record && logged.Kind == kind && record.LogKind == kind
                && logged.Partner == record.PartnerId.Value && logged.Artifact == record.ArtifactId.Value;
        });

    [Property(MaxTest = 300)]
    public Property An_entry_is_already_canonical_and_its_leaf_is_its_hash() =>
        Prop.ForAll(Records(), made =>
        {
            var logged = made.Record.ToLogEvent();
            var text = Encoding.UTF8.GetString(logged.Body);
            return CanonicalJson.Canonicalize(text) == text && logged.LeafHash().AsSpan().SequenceEqual(MerkleHash.Leaf(logged.Body));
        });
}
