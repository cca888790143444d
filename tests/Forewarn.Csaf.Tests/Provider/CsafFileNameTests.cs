using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

public sealed partial class CsafFileNameTests
{
    [GeneratedRegex("^[+\\-a-z0-9_]+\\.json$")]
    private static partial Regex ConformingName();

    [Theory]
    [InlineData("cisco-sa-20190513-secureboot", "cisco-sa-20190513-secureboot.json")]
    [InlineData("Example Company - 2019-YH3234", "example_company_-_2019-yh3234.json")]
    [InlineData("rhsa-2019:1862", "rhsa-2019_1862.json")]
    [InlineData("RHSA-2019:1862", "rhsa-2019_1862.json")]
    [InlineData("2022_#01-A", "2022_01-a.json")]
    [InlineData("FW-2026-1201", "fw-2026-1201.json")]
    [InlineData("a+b", "a+b.json")]
    [InlineData("#start and end#", "_start_and_end_.json")]
    [InlineData("Ümlaut-1", "_mlaut-1.json")]
    public void The_file_name_follows_section_5_1(string trackingId, string expected)
    {
        Assert.Equal(expected, CsafFileName.For(trackingId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_tracking_id_has_no_file_name(string trackingId)
    {
        Assert.Throws<ArgumentException>(() => CsafFileName.For(trackingId));
    }

    [Property]
    public bool Every_file_name_uses_only_the_allowed_characters_and_never_two_underscores_in_a_row(NonWhiteSpaceString trackingId)
    {
        var name = CsafFileName.For(trackingId.Get);
        return ConformingName().IsMatch(name) && !name.Contains("__", StringComparison.Ordinal);
    }

    [Property]
    public bool The_allowed_characters_survive_in_order(NonWhiteSpaceString trackingId)
    {
        static string Kept(string s) => new([.. s.Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '-')]);
        var name = CsafFileName.For(trackingId.Get);
        return Kept(name[..^".json".Length]) == Kept(trackingId.Get.ToLowerInvariant());
    }

    [Property]
    public bool Naming_a_file_name_again_changes_nothing(NonWhiteSpaceString trackingId)
    {
        var name = CsafFileName.For(trackingId.Get);
        return CsafFileName.For(name[..^".json".Length]) == name;
    }

    private static readonly Arbitrary<string> AsciiTrackingIds =
        Gen.Choose(0x21, 0x7E).Select(c => (char)c).ArrayOf().Where(cs => cs.Length > 0).Select(cs => new string(cs)).ToArbitrary();

    [Property]
    public Property Tracking_ids_that_differ_only_in_ascii_case_share_a_file_name() =>
        Prop.ForAll(AsciiTrackingIds, id => CsafFileName.For(id.ToUpperInvariant()) == CsafFileName.For(id.ToLowerInvariant()));
}
