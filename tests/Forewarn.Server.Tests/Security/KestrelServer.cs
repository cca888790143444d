using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Security;

internal static class KestrelServer
{
    /// <summary>
    /// Starts the factory's server on Kestrel (a free loopback port), so requests come over real
    /// HTTP from 127.0.0.1 — the throttle counts by source address, and Kestrel answers some
    /// refusals itself.
    /// </summary>
    public static ForewarnFactory OnKestrel(this ForewarnFactory f)
    {
        f.UseKestrel(0);
        f.StartServer();
        return f;
    }

    public static string Token(string prefix, char fill = 'x') => $"fw_{prefix}_{new string(fill, 40)}";

    /// <summary>A token in the key format whose prefix no key has.</summary>
    public static string UnknownToken() => Token(Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The real key's prefix with a wrong secret.</summary>
    public static string Forged(string real) => real[..16] + new string('x', real.Length - 16);
}
