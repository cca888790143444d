using System.Globalization;
using System.Text.RegularExpressions;
using Forewarn.Csaf.Validation;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>
/// The CSAF TC's official files for the mandatory tests: <c>…-6-1-NN-MM.json</c> (or <c>…-6-1-27-NN-MM.json</c>)
/// belongs to test 6.1.NN (6.1.27.NN); MM 01–09 must be rejected, by that test among others, and every
/// other MM (11–19, and 31 for one more valid example of 6.1.16) must be accepted.
/// </summary>
public sealed partial class MandatoryTestFilesTests
{
    [GeneratedRegex(@"-6-1-(?:27-)?(\d{2})-(\d{2})\.json$")]
    private static partial Regex TestFileName();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(StandardsData.MandatoryTests, "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void All_147_official_files_are_found()
    {
        Assert.Equal(147, Files().Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_is_classified_as_its_name_says(string file)
    {
        var (testId, mustFail) = Expectation(file);

        var validation = CsafValidator.Validate(StandardsData.Read(file));

        var failures = string.Join(Environment.NewLine, validation.Failures);
        if (mustFail)
        {
            Assert.False(validation.IsValid, $"{file} must be rejected by test {testId}, but was accepted.");
            Assert.True(validation.Failures.Any(f => f.Test == testId),
                $"{file} must fail test {testId}; it failed only:{Environment.NewLine}{failures}");
        }
        else
        {
            Assert.True(validation.IsValid, $"{file} must be accepted, but failed:{Environment.NewLine}{failures}");
        }
    }

    private static (string TestId, bool MustFail) Expectation(string file)
    {
        var match = TestFileName().Match(file);
        Assert.True(match.Success, $"{file} does not follow the naming pattern of the official test files.");
        var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var example = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var testId = file.Contains("-6-1-27-", StringComparison.Ordinal) ? $"6.1.27.{number}" : $"6.1.{number}";
        return (testId, example is >= 1 and <= 9);
    }
}
