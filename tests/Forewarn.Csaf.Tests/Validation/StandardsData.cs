namespace Forewarn.Csaf.Tests.Validation;

/// <summary>
/// The official CSAF 2.0 test data in <c>shared/standards/csaf-2.0</c> next to the repository, found by
/// walking up from the test's base directory (so it works from any clone and from CI).
/// </summary>
internal static class StandardsData
{
    public static string CsafRoot { get; } = Locate();

    public static string MandatoryTests => Path.Combine(CsafRoot, "mandatory-tests");

    public static string Examples => Path.Combine(CsafRoot, "examples", "csaf");

    public static string ProviderMetadataExamples => Path.Combine(CsafRoot, "examples", "provider-metadata");

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(MandatoryTests, fileName));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "standards", "csaf-2.0");
            if (Directory.Exists(candidate)) return candidate;
        }
        const string absolute = "/work/shared/standards/csaf-2.0";
        return Directory.Exists(absolute)
            ? absolute
            : throw new DirectoryNotFoundException("shared/standards/csaf-2.0 was not found next to the repository.");
    }
}
