using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency.Tests.Tree;

/// <summary>
/// The RFC 6962 reference tree (eight entries: "", 00, 10, 2021, 3031, 40414243, 5051…57,
/// 6061…6f), its eight roots and its published inclusion and consistency proofs — the test data of
/// the certificate-transparency reference implementation, as the transparency-dev Merkle library
/// carries it.
/// </summary>
public sealed class MerkleVectorTests
{
    private static readonly string[] Entries = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public static TheoryData<long, long, string[]> Inclusions => new()
    {
        { 0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 0, 1, [] },
    };

    public static TheoryData<long, long, string[]> Consistencies => new()
    {
        { 1, 1, [] },
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
    };

    private static List<byte[]> LeafHashes(int n) => [.. Entries.Take(n).Select(e => MerkleHash.Leaf(Convert.FromHexString(e)))];

    [Fact]
    public void Every_prefix_of_the_reference_tree_has_the_published_root()
    {
        for (var n = 1; n <= 8; n++) Assert.Equal(Roots[n - 1], Convert.ToHexStringLower(MerkleTree.Root(LeafHashes(n))));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleTree.Root([])));
    }

    [Theory]
    [MemberData(nameof(Inclusions))]
    public void Inclusion_proofs_are_the_published_ones_and_verify(long index, long size, string[] expected)
    {
        var leaves = LeafHashes((int)size);
        var proof = MerkleTree.InclusionProof(index, size, MerkleTree.FromLeaves(leaves));
        Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
        Assert.True(MerkleProofs.VerifyInclusion(index, size, leaves[(int)index], proof, Convert.FromHexString(Roots[size - 1])));
    }

    [Theory]
    [MemberData(nameof(Consistencies))]
    public void Consistency_proofs_are_the_published_ones_and_verify(long from, long to, string[] expected)
    {
        var proof = MerkleTree.ConsistencyProof(from, to, MerkleTree.FromLeaves(LeafHashes((int)to)));
        Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
        Assert.True(MerkleProofs.VerifyConsistency(from, to, Convert.FromHexString(Roots[from - 1]), Convert.FromHexString(Roots[to - 1]), proof));
    }

    [Fact]
    public void Proofs_that_are_almost_right_fail()
    {
        var leaves = LeafHashes(8);
        var root = Convert.FromHexString(Roots[7]);
        var proof = MerkleTree.InclusionProof(5, 8, MerkleTree.FromLeaves(leaves));
        Assert.False(MerkleProofs.VerifyInclusion(4, 8, leaves[5], proof, root));
        Assert.False(MerkleProofs.VerifyInclusion(5, 16, leaves[5], proof, root));
        Assert.False(MerkleProofs.VerifyInclusion(5, 8, leaves[5], [.. proof, root], root));
        Assert.False(MerkleProofs.VerifyInclusion(5, 8, leaves[5], proof[..^1], root));
        Assert.False(MerkleProofs.VerifyInclusion(5, 8, leaves[5], [root, .. proof], root));
        var consistency = MerkleTree.ConsistencyProof(6, 8, MerkleTree.FromLeaves(leaves));
        var root6 = Convert.FromHexString(Roots[5]);
        Assert.False(MerkleProofs.VerifyConsistency(6, 8, root, root6, consistency));
        Assert.False(MerkleProofs.VerifyConsistency(5, 8, root6, root, consistency));
        Assert.False(MerkleProofs.VerifyConsistency(6, 8, root6, root, []));
        Assert.False(MerkleProofs.VerifyConsistency(6, 8, root6, root, [.. consistency, root]));
        Assert.False(MerkleProofs.VerifyConsistency(8, 6, root, root6, consistency));
    }
}
