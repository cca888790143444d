using System.Globalization;
using Forewarn.Csaf.Mapping;
using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

public sealed class ChangesCsvTests
{
    [Fact]
    public void Rows_are_quoted_path_and_current_release_date_latest_first_without_heading()
    {
        var text = ChangesCsv.Build(Sample.Documents);

        Assert.Equal(
            "\"2025/fw-2025-0917.json\",\"2026-03-01T10:09:07.000Z\"\n" +
            "\"2026/fw-2026-1201.json\",\"2026-02-10T08:00:00.000Z\"\n" +
            "\"2026/fw-2026-1105.json\",\"2026-01-06T07:00:00.000Z\"\n",
            text);
    }

    [Fact]
    public void Every_row_reads_back_as_two_fields_with_an_rfc_3339_time_in_descending_order()
    {
        var rows = ChangesCsv.Build(Sample.Documents).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(',').Select(f => f.Trim('"')).ToArray())
            .ToList();

        Assert.All(rows, r => Assert.Equal(2, r.Length));
        var times = rows.Select(r => DateTimeOffset.ParseExact(r[1], "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(IndexTxt.Build(Sample.Documents).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(), rows.Select(r => r[0]).Order());
    }

    [Fact]
    public void Equal_release_dates_are_ordered_by_path_so_the_file_is_stable()
    {
        var a = Sample.Document("B-2", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z");
        var b = Sample.Document("A-1", "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z");

        Assert.Equal(ChangesCsv.Build([a, b]), ChangesCsv.Build([b, a]));
        Assert.StartsWith("\"2026/a-1.json\"", ChangesCsv.Build([a, b]), StringComparison.Ordinal);
    }

    [Fact]
    public void Times_with_an_offset_are_written_in_utc()
    {
        var document = Sample.Document("X-1", "2026-01-01T00:00:00Z", "2026-04-01T02:00:00+02:00");

        Assert.Equal("\"2026/x-1.json\",\"2026-04-01T00:00:00.000Z\"\n", ChangesCsv.Build([document]));
    }

    [Fact]
    public void The_date_is_written_exactly_as_the_exported_document_writes_current_release_date()
    {
        var document = Sample.Document("X-1", "2026-01-01T00:00:00Z", "2026-04-01T12:34:56.789+02:00");

        Assert.Equal($"\"2026/x-1.json\",\"{CsafDates.Write(document.CurrentReleaseDate)}\"\n", ChangesCsv.Build([document]));
    }
}
