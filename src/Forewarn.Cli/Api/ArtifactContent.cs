namespace Forewarn.Cli.Api;

/// <summary>
/// Raw content as the server sent it: the bytes are the recipient's own (fingerprinted) copy; the
/// receipt (JSON text, when the server sent one) proves the download is in the transparency log.
/// </summary>
public sealed record ArtifactContent(byte[] Bytes, string? MediaType, string? FileName, string? Receipt = null);
