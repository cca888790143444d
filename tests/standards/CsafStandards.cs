namespace Forewarn.Tests.Standards;

/// <summary>
/// The official CSAF 2.0 test data in <c>tests/standards/csaf-2.0</c> of this repository, found
/// by walking up from the running binaries to the folder that holds Forewarn.slnx. Linked into
/// every project that reads it, so there is one way to find it.
/// </summary>
internal static class CsafStandards
{
    /// <summary>The <c>csaf-2.0</c> folder.</summary>
    public static string Root { get; } = Locate();

    public static string MandatoryTests => Path.Combine(Root, "mandatory-tests");

    public static string Examples => Path.Combine(Root, "examples", "csaf");

    private static string Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Forewarn.slnx")))
                    return Path.Combine(dir.FullName, "tests", "standards", "csaf-2.0");
            }
        }
        throw new DirectoryNotFoundException($"No Forewarn.slnx above {AppContext.BaseDirectory}: cannot find tests/standards/csaf-2.0.");
    }
}
