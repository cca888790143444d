namespace Forewarn.Csaf.Tests.Validation;

/// <summary>
/// The official CSAF 2.0 test data in <c>tests/standards/csaf-2.0</c> (see ORIGIN.md there).
/// </summary>
internal static class StandardsData
{
    public static string CsafRoot { get; } = Locate();

    public static string MandatoryTests => Path.Combine(CsafRoot, "mandatory-tests");

    public static string Examples => Path.Combine(CsafRoot, "examples", "csaf");

    public static string ProviderMetadataExamples => Path.Combine(CsafRoot, "examples", "provider-metadata");

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(MandatoryTests, fileName));

    private static string Locate() => Forewarn.Tests.Standards.CsafStandards.Root;
}
