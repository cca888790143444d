using Forewarn.Csaf.Validation;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>Tests 6.1.14, 6.1.16, 6.1.21 and 6.1.22 on the revision history.</summary>
public sealed class RevisionHistoryValidationTests
{
    private static IReadOnlyList<CsafFailure> Failures(string version, params (string, string)[] revisions) =>
        CsafValidator.Validate(TestDocuments.WithRevisions(version, revisions)).Failures;

    [Fact]
    public void Semantic_versions_order_by_number_so_1_10_follows_1_9()
    {
        Assert.Empty(Failures("1.10.0", ("2024-01-01T00:00:00Z", "1.0.0"), ("2024-01-02T00:00:00Z", "1.9.0"), ("2024-01-03T00:00:00Z", "1.10.0")));
    }

    [Fact]
    public void Dates_compare_as_instants_down_to_the_sub_millisecond_and_across_time_zones()
    {
        // 10:00+02:00 is 08:00Z, so revision 2 (09:00Z) is the later one.
        Assert.Empty(Failures("2", ("2024-01-01T10:00:00+02:00", "1"), ("2024-01-01T09:00:00Z", "2")));

        var failures = Failures("2", ("2024-01-01T10:00:00.00010Z", "1"), ("2024-01-01T10:00:00.000Z", "2"));

        Assert.Contains(failures, f => f.Test == "6.1.14" && f.Pointer == "/document/tracking/revision_history/0/number");
    }

    [Fact]
    public void Revisions_of_the_same_date_are_sorted_by_number_so_the_latest_is_the_highest()
    {
        Assert.Empty(Failures("2", ("2024-01-01T00:00:00Z", "2"), ("2024-01-01T00:00:00Z", "1")));

        var failure = Assert.Single(Failures("1", ("2024-01-01T00:00:00Z", "1"), ("2024-01-01T00:00:00Z", "2")));
        Assert.Equal(("6.1.16", "/document/tracking/version"), (failure.Test, failure.Pointer));
    }

    [Fact]
    public void The_latest_version_ignores_build_metadata()
    {
        Assert.Empty(Failures("2.0.0+build.7", ("2024-01-01T00:00:00Z", "1.0.0"), ("2024-01-02T00:00:00Z", "2.0.0+build.6")));
    }

    [Fact]
    public void A_missing_major_version_is_named_and_minor_versions_do_not_count()
    {
        Assert.Empty(Failures("2.0.0", ("2024-01-01T00:00:00Z", "1.0.0"), ("2024-01-02T00:00:00Z", "1.3.0"), ("2024-01-03T00:00:00Z", "2.0.0")));

        var failure = Assert.Single(Failures("5", ("2024-01-01T00:00:00Z", "1"), ("2024-01-02T00:00:00Z", "2"), ("2024-01-03T00:00:00Z", "5")));

        Assert.Equal(("6.1.21", "/document/tracking/revision_history"), (failure.Test, failure.Pointer));
        Assert.Equal("The revision history has no items for versions 3 to 4.", failure.Message);
    }

    [Fact]
    public void The_history_must_start_at_version_0_or_1()
    {
        var failure = Assert.Single(Failures("2", ("2024-01-02T00:00:00Z", "2")));

        Assert.Equal(("6.1.21", "/document/tracking/revision_history/0/number"), (failure.Test, failure.Pointer));
    }

    [Fact]
    public void A_draft_may_start_at_version_0()
    {
        var document = TestDocuments.WithRevisions("1", ("2024-01-01T00:00:00Z", "0"), ("2024-01-02T00:00:00Z", "1"));
        document["document"]!["tracking"]!["status"] = "draft";

        Assert.True(CsafValidator.Validate(document).IsValid);
    }

    [Fact]
    public void The_same_number_twice_fails_6_1_22()
    {
        var failures = Failures("1", ("2024-01-01T00:00:00Z", "1"), ("2024-01-02T00:00:00Z", "1"));

        Assert.Contains(failures, f => f.Test == "6.1.22" && f.Pointer == "/document/tracking/revision_history/1/number");
    }
}
