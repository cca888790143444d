using Forewarn.Tracing.Tests.Text;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>
/// Texts and PoCs for the tracing tests: the tracing library's own samples (SampleAdvisories.cs and
/// Code/Samples/halcyon_overflow.py, linked from Forewarn.Tracing.Tests), and a few of the server's own.
/// </summary>
internal static class TracingSamples
{
    /// <summary>A five-paragraph technical description: room for many prose marks.</summary>
    public static string Description => SampleAdvisories.Description;

    /// <summary>The three texts as one technical description: about 900 words and 88 mark sites, enough to name a lone leaker.</summary>
    public static string Advisory => string.Join("\n\n", SampleAdvisories.All);

    /// <summary>A 169-line Python PoC (argparse, socket, struct, ten helpers).</summary>
    public static string PythonPoc => Load("Samples.halcyon_overflow.py");

    /// <summary>Prose about something else entirely: no copy of any artifact.</summary>
    public const string Unrelated = """
        The quarterly partner summit will take place in Lisbon this spring. Registration opens next month, and each member
        organisation may send up to two delegates. The agenda covers the new portal, the revised onboarding checklist and a
        workshop on writing clear incident reports. Travel grants are available for smaller organisations on request, and
        the venue is a short walk from the central station. Please tell the organisers about dietary needs in advance.
        """;

    /// <summary>Python that does not parse (an unclosed bracket).</summary>
    public const string BrokenPython = """
        import socket

        def send(host, port):
            s = socket.create_connection((host, port)
            s.sendall(b"GET / HTTP/1.1\r\n\r\n")
            return s.recv(4096)
        """;

    /// <summary>Python that parses, with a mark template whose second variant breaks it.</summary>
    public const string PythonWithBreakingTemplate = """
        import sys

        def main(argv):
            count = {{fw:len(argv)|len(argv) +}}
            print("arguments:", count)
            return 0

        if __name__ == "__main__":
            sys.exit(main(sys.argv))
        """;

    private static string Load(string name)
    {
        using var stream = typeof(TracingSamples).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
