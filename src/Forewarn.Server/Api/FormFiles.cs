namespace Forewarn.Server.Api;

/// <summary>Files sent in a form (an API multipart request or a portal page), read for the service that decides whether they are acceptable.</summary>
public static class FormFiles
{
    /// <summary>
    /// The file's bytes; past <paramref name="limit"/> only one byte more — enough for the service
    /// to refuse it by the same rule the API applies, without reading the rest.
    /// </summary>
    public static async Task<byte[]> ReadUpToAsync(IFormFile file, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) break;
        }
        return buffer.ToArray();
    }
}
