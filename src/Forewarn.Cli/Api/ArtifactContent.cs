namespace Forewarn.Cli.Api;

/// <summary>Raw content as the server sent it: the bytes are the recipient's own (fingerprinted) copy.</summary>
public sealed record ArtifactContent(byte[] Bytes, string? MediaType, string? FileName);
