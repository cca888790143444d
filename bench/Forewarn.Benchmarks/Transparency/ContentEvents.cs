extern alias server;

using System.Security.Cryptography;
using Forewarn.Domain.Access;
using Forewarn.Domain.Common;
using Forewarn.Domain.Policy;
using Forewarn.Transparency.Entries;
using server::Forewarn.Server.Transparency;

namespace Forewarn.Benchmarks.Transparency;

/// <summary>
/// Realistic content.served entries, made the way the content endpoint makes them
/// (<see cref="AccessRecord.Served"/>, then its log entry as the server writes it): one of a few
/// hundred partners, keys and artifacts, a granting rule with its sentence, the copy's SHA-256 and
/// marks — about 450 bytes of canonical JSON each.
/// </summary>
internal sealed class ContentEvents(int seed)
{
    private readonly Random random = new(seed);
    private readonly Guid[] partners = Ids(seed, 300);
    private readonly Guid[] keys = Ids(seed + 1, 300);
    private readonly Guid[] artifacts = Ids(seed + 2, 200);
    private readonly Guid[] advisories = Ids(seed + 3, 50);

    public LogEvent Next(DateTimeOffset at)
    {
        var p = random.Next(partners.Length);
        var a = random.Next(artifacts.Length);
        var decision = new Entitlement(true, at, at.AddHours(-2),
        [
            new Finding("R1", Effect.Grants, "Trusted partners receive the full package from the release wave on", at.AddHours(-2)),
        ]);
        var copy = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(random.NextInt64())));
        return AccessRecord.Served(new PartnerId(partners[p]), keys[p], new ArtifactId(artifacts[a]), new AdvisoryId(advisories[a % advisories.Length]),
            "api", decision, copy, random.Next(0, 64)).ToLogEvent();
    }

    private static Guid[] Ids(int seed, int n)
    {
        var random = new Random(seed);
        var bytes = new byte[16];
        return [.. Enumerable.Range(0, n).Select(_ =>
        {
            random.NextBytes(bytes);
            return new Guid(bytes);
        })];
    }
}
