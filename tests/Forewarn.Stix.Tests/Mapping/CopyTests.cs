using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Stix.Tests.Schema;

namespace Forewarn.Stix.Tests.Mapping;

/// <summary>
/// Each recipient's own copy of a fingerprinted artifact is an object of its own: an id derived from
/// the shared object and the recipient (the same every time, another for every recipient), the copy
/// whole as its text, schema-valid; relationships follow it; nothing else changes.
/// </summary>
public sealed class CopyTests
{
    private const string Prose = "The endpoint trusts the Referer header. Look for POST requests from 203.0.113.45.";

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void The_object_carrying_the_text_is_marked_and_only_when_a_copy_travels()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var description = Fixture.Artifact(advisory, ContentClass.Description, Prose, title: "Technical description") with { Fingerprinted = true };
        var detection = Fixture.Artifact(advisory, ContentClass.Detection, Prose, title: "Detection") with { Fingerprinted = true };
        var mitigation = Fixture.Artifact(advisory, ContentClass.Mitigation, Prose, title: "Workaround") with { Fingerprinted = true };
        var bigPoc = Fixture.Artifact(advisory, ContentClass.Poc, "print('x')", title: "PoC") with { Fingerprinted = true, CopyTravels = false };
        var notice = Fixture.Artifact(advisory, ContentClass.Notice, Prose, title: "Notice");
        var binary = Fixture.Bytes(advisory, ContentClass.Description, [0x50, 0x4B, 0x03, 0x04, 0x00], title: "Zip") with { Fingerprinted = true };
        var set = Fixture.Map(advisory, description, detection, mitigation, bigPoc, notice, binary);

        var carrying = set.Entries.Where(e => e.CarriesCopy).ToDictionary(e => e.Artifact!.Value, e => e.Type);
        Assert.Equal(3, carrying.Count);
        Assert.Equal("note", carrying[description.Artifact.Id]);
        Assert.Equal("note", carrying[detection.Artifact.Id]);
        Assert.Equal("course-of-action", carrying[mitigation.Artifact.Id]);
        // The shared object only points, and says that each partner's collection carries its own copy.
        Assert.All(set.Entries.Where(e => e.CarriesCopy), e => Assert.DoesNotContain("trusts the Referer", e.Object.ToJsonString(), StringComparison.Ordinal));
        Assert.Contains("carries its own copy", (string)set.Of(description.Artifact.Id).Single()["content"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("carries its own copy", (string)set.Of(bigPoc.Artifact.Id).Single()["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipients_copy_has_its_own_deterministic_id_its_text_and_relationships_that_follow_it()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234", "CVE-2026-5678");
        var mitigation = Fixture.Artifact(advisory, ContentClass.Mitigation, Prose, title: "Workaround") with { Fingerprinted = true };
        var detection = Fixture.Artifact(advisory, ContentClass.Detection, Prose, title: "Detection") with { Fingerprinted = true };
        var set = Fixture.Map(advisory, mitigation, detection);
        var sharedAction = set.Entries.Single(e => e.CarriesCopy && e.Type == "course-of-action");

        var alice = StixCopies.For(set.Entries.Where(e => e.Artifact == mitigation.Artifact.Id), "alice");
        var bob = StixCopies.For(set.Entries.Where(e => e.Artifact == mitigation.Artifact.Id), "bob");
        var aliceAction = alice.Single(e => e.CarriesCopy);
        Assert.Equal(StixCopies.IdOf(sharedAction.Id, "alice"), aliceAction.Id);
        Assert.StartsWith("course-of-action--", aliceAction.Id, StringComparison.Ordinal);
        Assert.NotEqual(sharedAction.Id, aliceAction.Id);
        Assert.NotEqual(aliceAction.Id, bob.Single(e => e.CarriesCopy).Id);
        Assert.Equal(aliceAction.Id, StixCopies.For(set.Entries.Where(e => e.Artifact == mitigation.Artifact.Id), "alice").Single(e => e.CarriesCopy).Id);
        // Same created and modified as the shared object: the copy never changes, so it has one version.
        Assert.Equal((string)sharedAction.Object["modified"]!, (string)aliceAction.Object["modified"]!);

        var mitigates = alice.Where(e => e.Type == "relationship").ToList();
        Assert.Equal(2, mitigates.Count);
        Assert.All(mitigates, r => Assert.Equal(aliceAction.Id, (string)r.Object["source_ref"]!));
        Assert.Equal(2, mitigates.Select(r => r.Id).Distinct().Count());
        Assert.DoesNotContain(mitigates, r => set.Ids.Contains(r.Id));
        Assert.DoesNotContain(set.Entries, e => e.Type == "relationship" && (string)e.Object["source_ref"]! == aliceAction.Id);

        // Indicators drawn from detection guidance stay shared: the same objects for everyone.
        var detectionCopy = StixCopies.For(set.Entries.Where(e => e.Artifact == detection.Artifact.Id), "alice");
        Assert.Equal(set.Entries.Where(e => e.Artifact == detection.Artifact.Id && !e.CarriesCopy).Select(e => e.Object.ToJsonString()),
            detectionCopy.Where(e => !e.CarriesCopy).Select(e => e.Object.ToJsonString()));

        const string copy = "The endpoint trusts the Referer header. Look for POST requests from 203.0.113.45 .";
        var carried = StixCopies.Carrying(aliceAction.Object, mitigation.Artifact.Id, copy, Sha(copy));
        Assert.Equal(copy, (string)carried["description"]!);
        var reference = carried["external_references"]![0]!;
        Assert.Equal(mitigation.Artifact.Id.ToString(), (string)reference["external_id"]!);
        Assert.Equal(Sha(copy), (string)reference["hashes"]!["SHA-256"]!);
        Assert.Contains($"/api/v1/me/artifacts/{mitigation.Artifact.Id}/content", (string)reference["description"]!, StringComparison.Ordinal);
        StixSchemas.AssertValid(carried);
        Assert.All(mitigates, r => StixSchemas.AssertValid(r.Object));

        var note = StixCopies.For(set.Entries.Where(e => e.Artifact == detection.Artifact.Id), "alice").Single(e => e.CarriesCopy);
        var noteCarried = StixCopies.Carrying(note.Object, detection.Artifact.Id, copy, Sha(copy));
        Assert.Equal(copy, (string)noteCarried["content"]!);
        StixSchemas.AssertValid(noteCarried);
    }

    [Fact]
    public void Entries_without_a_copy_come_back_as_they_are()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var notice = Fixture.Artifact(advisory, ContentClass.Notice, Prose);
        var set = Fixture.Map(advisory, notice);
        var entries = set.Entries.Where(e => e.Artifact == notice.Artifact.Id).ToList();
        Assert.Equal(entries, StixCopies.For(entries, "alice"));
    }
}
