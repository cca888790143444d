using System.Text;

namespace Forewarn.Server.Tracing;

/// <summary>How long an artifact is, as mark densities are stated: words of prose, lines of code.</summary>
public static class ArtifactSize
{
    public static int Words(byte[] content) =>
        Encoding.UTF8.GetString(content).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public static int Lines(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);
        return text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
    }
}
