using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Access;
using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Transparency;

namespace Forewarn.Domain.Tests.Transparency;

/// <summary>
/// Access decisions live only as log entries, so an entry must hold the whole decision: any
/// decision read back from its entry is the same decision, and the entry is already canonical
/// (its hash cannot depend on who re-serialises it).
/// </summary>
public sealed class LogEventProperties
{
    private static readonly Gen<string> Text = Gen.Elements("", "a", "ü \"quoted\" \\ back", "line\nbreak", "\u2014 emoji \U0001F600", "\u0001control");

    private static Arbitrary<AccessRecord> Records() =>
        (from allowed in Gen.Elements(true, false)
         from refused in Gen.Elements(true, false)
         from ticks in Gen.Choose(0, int.MaxValue)
         from sentence in Text
         from channel in Gen.Elements("api", "taxii")
         from marks in Gen.Choose(0, 5000)
         from withAdvisory in Gen.Elements(true, false)
         select Make(allowed, refused, DateTimeOffset.UnixEpoch.AddTicks(ticks * 997L), sentence, channel, marks, withAdvisory)).ToArbitrary();

    private static AccessRecord Make(bool allowed, bool refused, DateTimeOffset at, string sentence, string channel, int marks, bool withAdvisory)
    {
        var partner = new PartnerId(Guid.NewGuid());
        var artifact = new ArtifactId(Guid.NewGuid());
        AdvisoryId? advisory = withAdvisory ? new AdvisoryId(Guid.NewGuid()) : null;
        var findings = new List<Finding> { new("membership", allowed ? Effect.Grants : Effect.Denies, sentence, at) };
        var decision = new Entitlement(allowed, at, allowed ? at : null, findings);
        if (!allowed) return AccessRecord.Of(partner, Guid.NewGuid(), artifact, advisory, channel, decision);
        return refused
            ? AccessRecord.CopyRefused(partner, Guid.NewGuid(), artifact, advisory, channel, decision, "copy-check", sentence)
            : AccessRecord.Served(partner, Guid.NewGuid(), artifact, advisory, channel, decision, new string('a', 64), marks);
    }

    [Property(MaxTest = 300)]
    public Property A_decision_read_back_from_its_entry_is_the_same_decision() =>
        Prop.ForAll(Records(), record =>
        {
            var logged = record.ToLogEvent();
            var back = AccessRecord.FromEntry(logged.Body);
            return back == record && logged.Kind == record.Kind && logged.Partner == record.PartnerId.Value && logged.Artifact == record.ArtifactId.Value;
        });

    [Property(MaxTest = 300)]
    public Property An_entry_is_already_canonical_and_its_leaf_is_its_hash() =>
        Prop.ForAll(Records(), record =>
        {
            var logged = record.ToLogEvent();
            var text = Encoding.UTF8.GetString(logged.Body);
            return CanonicalJson.Canonicalize(text) == text && logged.LeafHash().AsSpan().SequenceEqual(MerkleHash.Leaf(logged.Body));
        });

    [Fact]
    public void The_log_sets_kind_and_at_itself()
    {
        var at = new DateTimeOffset(2026, 11, 29, 4, 20, 53, TimeSpan.FromHours(2)).AddTicks(7960832);
        var logged = LogEvent.Of("trace.run", at, null, null, new("leak", "x"), new("none", null));
        Assert.Equal("""{"at":"2026-11-29T02:20:53.7960832Z","kind":"trace.run","leak":"x"}""", Encoding.UTF8.GetString(logged.Body));
        Assert.Throws<ArgumentException>(() => LogEvent.Of("trace.run", at, null, null, new("leak", "x"), new("kind", "other")));
    }
}
