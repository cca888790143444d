using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Publishing;
using static Forewarn.Csaf.Tests.Mapping.Fixture;

namespace Forewarn.Csaf.Tests.Mapping;

public sealed class PublicExportTests
{
    private static Advisory Released(out DateTimeOffset release)
    {
        var a = Draft(details: AdvisoryDetails.Empty with { Tlp = TlpLabel.Red });
        a.Schedule(Now.AddHours(1), "staff");
        a.Revise(a.Title, a.Summary, a.CveIds, a.AffectedProducts, a.CvssVector, "Embargoed wording", Now.AddDays(2), "staff");
        release = a.ReleaseAt;
        return a;
    }

    [Fact]
    public void At_release_it_is_final_white_and_version_1()
    {
        var a = Released(out var release);

        var d = CsafExport.Public(a, Publisher, release);

        Validity.Assert(d);
        var tracking = d["document"]!["tracking"]!;
        Assert.Equal("final", (string?)tracking["status"]);
        Assert.Equal("1", (string?)tracking["version"]);
        Assert.Equal("WHITE", (string?)d["document"]!["distribution"]!["tlp"]!["label"]);
        Assert.Equal(CsafDates.Write(release), (string?)tracking["initial_release_date"]);
        Assert.Equal("Initial public release", (string?)tracking["revision_history"]![0]!["summary"]);
        Assert.Equal(ReleaseSchedule.PublicVersionAt(a, release), int.Parse((string)tracking["version"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Each_revision_after_release_is_a_new_version_as_the_release_schedule_counts()
    {
        var a = Released(out var release);
        a.Revise(a.Title, "Fixed versions named.", a.CveIds, a.AffectedProducts, a.CvssVector, "Fixed versions named", release.AddDays(1), "staff");
        a.Withdraw("Duplicate of FW-2026-0001", release.AddDays(2), "staff");

        foreach (var at in new[] { release, release.AddHours(30), release.AddDays(3) })
        {
            var d = CsafExport.Public(a, Publisher, at);

            Validity.Assert(d);
            var tracking = d["document"]!["tracking"]!;
            Assert.Equal(ReleaseSchedule.PublicVersionAt(a, at).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)tracking["version"]);
            Assert.Equal(ReleaseSchedule.PublicVersionAt(a, at), ((JsonArray)tracking["revision_history"]!).Count);
        }
        var last = CsafExport.Public(a, Publisher, release.AddDays(3))["document"]!["tracking"]!["revision_history"]!;
        Assert.Equal("Withdrawn: Duplicate of FW-2026-0001", (string?)last[2]!["summary"]);
    }
}
