using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

public sealed class IndexTxtTests
{
    [Fact]
    public void Each_document_is_one_line_with_its_year_folder_and_file_name()
    {
        var text = IndexTxt.Build(Sample.Documents);

        Assert.Equal("2025/fw-2025-0917.json\n2026/fw-2026-1105.json\n2026/fw-2026-1201.json\n", text);
    }

    [Fact]
    public void The_order_of_the_input_does_not_change_the_file()
    {
        Assert.Equal(IndexTxt.Build(Sample.Documents), IndexTxt.Build(Sample.Documents.Reverse()));
    }

    [Fact]
    public void Nothing_published_is_an_empty_file()
    {
        Assert.Equal("", IndexTxt.Build([]));
    }

    [Fact]
    public void Two_tracking_ids_that_share_a_file_name_in_one_year_are_refused()
    {
        var clash = Sample.Document("fw#2026#1201", "2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z");
        var other = Sample.Document("FW 2026 1201", "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z");

        var error = Assert.Throws<ArgumentException>(() => IndexTxt.Build([clash, other]));
        Assert.Contains("2026/fw_2026_1201.json", error.Message, StringComparison.Ordinal);
    }
}
