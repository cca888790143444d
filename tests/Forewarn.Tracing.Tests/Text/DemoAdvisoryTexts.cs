namespace Forewarn.Tracing.Tests.Text;

/// <summary>The demo advisory FW-2025-0708's prose (src/Forewarn.Server/Demo/Content, embedded): what the README's tour serves.</summary>
public static class DemoAdvisoryTexts
{
    public static string Description => Load("Demo.toolpane_description.txt");

    public static string Load(string name)
    {
        using var stream = typeof(DemoAdvisoryTexts).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No embedded demo text {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
