namespace Forewarn.Server.Demo;

/// <summary>The demo's longer artifacts, shipped as files in Demo/Content and embedded in the server.</summary>
internal static class DemoContent
{
    public static string Read(string name)
    {
        using var stream = typeof(DemoContent).Assembly.GetManifestResourceStream($"Forewarn.Demo.{name}")
            ?? throw new InvalidOperationException($"The demo file {name} is not embedded in the server.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
