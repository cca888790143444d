using System.Security.Cryptography;

namespace Forewarn.Csaf.Provider;

/// <summary>
/// The <c>.sha256</c> and <c>.sha512</c> files beside each document (CSAF 2.0 requirement 18), in
/// the format <c>sha256sum</c> writes: lower-case hex, two spaces, the file name, LF. Checkers read
/// the leading hex digits and ignore the rest.
/// </summary>
public static class HashFile
{
    /// <summary>The extension of the SHA-256 file, appended to the document's file name.</summary>
    public const string Sha256Extension = ".sha256";

    /// <summary>The extension of the SHA-512 file, appended to the document's file name.</summary>
    public const string Sha512Extension = ".sha512";

    /// <summary>The extension of the detached signature file (requirement 19).</summary>
    public const string SignatureExtension = ".asc";

    /// <summary>The SHA-256 file's text for <paramref name="content"/> served as <paramref name="fileName"/>.</summary>
    public static string Sha256Line(ReadOnlySpan<byte> content, string fileName) =>
        Line(Convert.ToHexStringLower(SHA256.HashData(content)), fileName);

    /// <summary>The SHA-512 file's text for <paramref name="content"/> served as <paramref name="fileName"/>.</summary>
    public static string Sha512Line(ReadOnlySpan<byte> content, string fileName) =>
        Line(Convert.ToHexStringLower(SHA512.HashData(content)), fileName);

    /// <summary>The hash file's text for a digest already computed (e.g. <see cref="PublishedDocument.Sha256"/>).</summary>
    /// <exception cref="ArgumentException">The digest is not hex, or the file name is empty or holds a slash or line break.</exception>
    public static string Line(string hexDigest, string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hexDigest);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!hexDigest.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("The digest must be hex digits.", nameof(hexDigest));
        }
        if (fileName.IndexOfAny(['/', '\\', '\n', '\r']) >= 0)
        {
            throw new ArgumentException("The file name is a bare name, as in the same folder.", nameof(fileName));
        }
        return $"{hexDigest.ToLowerInvariant()}  {fileName}\n";
    }
}
