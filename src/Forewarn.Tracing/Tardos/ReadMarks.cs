using System.Numerics;
using System.Runtime.CompilerServices;

namespace Forewarn.Tracing.Tardos;

/// <summary>
/// The marks read from a leaked copy, prepared for scoring: the read sites grouped by (bias, read
/// variant). Within a group every site has the same two symmetric weights (Škorić, Katzenbeisser
/// and Celik 2008) — agreeing with y = 1 adds √((1−p)/p), disagreeing subtracts √(p/(1−p)); for
/// y = 0 the two swap — so a recipient's score is Σ over groups of a·A − d·(n − A), A the number
/// of agreements, counted by popcount over the group's bit mask. The biases being few (the
/// distribution is discrete), this is a handful of popcounts per 64 sites, and exactly the same
/// arithmetic for one codeword (<see cref="TardosCode.Score"/>) and for all (<see cref="TardosCode.ScoreAll(ReadOnlySpan{byte}, string, IReadOnlyList{string}, ReadMarks, bool)"/>).
/// </summary>
public sealed class ReadMarks
{
    private readonly Group[] groups;

    public ReadMarks(TardosCode code, IReadOnlyList<byte?> read)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(read);
        if (read.Count != code.Length) throw new ArgumentException($"{read.Count} marks read for a code of {code.Length} sites.", nameof(read));
        var words = (code.Length + 63) / 64;
        var byKey = new SortedDictionary<int, Group>();
        for (var i = 0; i < code.Length; i++)
        {
            if (read[i] is not { } y) continue;
            if (y > 1) throw new ArgumentException($"Site {i} read as {y}; variants are 0 and 1.", nameof(read));
            var level = code.Levels[i];
            var key = level * 2 + y;
            if (!byKey.TryGetValue(key, out var group)) byKey[key] = group = new Group(level, y, words);
            group.Mask[i >> 6] |= 1UL << (i & 63);
            group.Count++;
            Count++;
        }
        groups = [.. byKey.Values];
    }

    /// <summary>The number of sites read.</summary>
    public int Count { get; }

    /// <summary>The groups: probability an innocent agrees, the two weights, the number of sites.</summary>
    public IEnumerable<(double AgreeChance, double Agree, double Disagree, int Sites)> Groups =>
        groups.Select(g => (g.AgreeChance, g.Agree, g.Disagree, g.Count));

    /// <summary>The score of a codeword given as bits (bit i of word i/64 is the variant at site i).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Score(ReadOnlySpan<ulong> bits)
    {
        var score = 0.0;
        foreach (var g in groups)
        {
            var ones = 0;
            var mask = g.Mask;
            for (var w = 0; w < mask.Length; w++) ones += BitOperations.PopCount(bits[w] & mask[w]);
            var agree = g.Read == 1 ? ones : g.Count - ones;
            score += g.Agree * agree - g.Disagree * (g.Count - agree);
        }
        return score;
    }

    private sealed class Group
    {
        public Group(ushort level, byte read, int words)
        {
            var p = level / 65536.0;
            Mask = new ulong[words];
            Read = read;
            AgreeChance = read == 1 ? p : 1 - p;
            Agree = read == 1 ? Math.Sqrt((1 - p) / p) : Math.Sqrt(p / (1 - p));
            Disagree = read == 1 ? Math.Sqrt(p / (1 - p)) : Math.Sqrt((1 - p) / p);
        }

        public ulong[] Mask { get; }
        public int Count { get; set; }
        public byte Read { get; }
        public double AgreeChance { get; }
        public double Agree { get; }
        public double Disagree { get; }
    }
}
