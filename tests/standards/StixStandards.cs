namespace Forewarn.Tests.Standards;

/// <summary>
/// The official STIX 2.1 JSON schemas in <c>tests/standards/stix-2.1</c> of this repository, found
/// by walking up from the running binaries to the folder that holds Forewarn.slnx. Linked into
/// every project that reads them, so there is one way to find them.
/// </summary>
internal static class StixStandards
{
    /// <summary>The <c>stix-2.1</c> folder.</summary>
    public static string Root { get; } = Locate();

    /// <summary>The schemas folder (common/, sdos/, sros/, observables/).</summary>
    public static string Schemas => Path.Combine(Root, "schemas");

    private static string Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Forewarn.slnx")))
                    return Path.Combine(dir.FullName, "tests", "standards", "stix-2.1");
            }
        }
        throw new DirectoryNotFoundException($"No Forewarn.slnx above {AppContext.BaseDirectory}: cannot find tests/standards/stix-2.1.");
    }
}
