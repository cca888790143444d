using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

public sealed class PublishedDocumentTests
{
    [Fact]
    public void The_folder_is_the_utc_year_of_the_initial_release_date()
    {
        // 2026-01-01 00:30 at +01:00 is still 2025 in UTC, where the checker looks.
        var document = Sample.Document("FW-2025-9999", "2026-01-01T00:30:00+01:00", "2026-01-02T00:00:00Z");

        Assert.Equal("2025/fw-2025-9999.json", document.RelativePath);
        Assert.Equal("fw-2025-9999.json", document.FileName);
    }

    [Fact]
    public void Hashes_are_kept_in_lower_case()
    {
        var document = new PublishedDocument("A-1", "T", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "1", "final",
            new string('C', 64), new string('D', 128));

        Assert.Equal(new string('c', 64), document.Sha256);
        Assert.Equal(new string('d', 128), document.Sha512);
    }

    [Theory]
    [InlineData(63, 128)]
    [InlineData(64, 127)]
    public void A_hash_of_the_wrong_length_is_refused(int sha256Length, int sha512Length)
    {
        Assert.Throws<ArgumentException>(() => new PublishedDocument("A-1", "T", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            "1", "final", new string('a', sha256Length), new string('a', sha512Length)));
    }

    [Fact]
    public void A_hash_that_is_not_hex_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PublishedDocument("A-1", "T", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            "1", "final", new string('g', 64), new string('a', 128)));
    }
}
