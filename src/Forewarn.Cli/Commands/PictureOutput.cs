using System.CommandLine;
using Forewarn.Cli.Api;

namespace Forewarn.Cli.Commands;

/// <summary>
/// The <c>--out</c> file of a command that saves what the server drew or wrote (a timeline, a report): its format
/// follows from the file's extension, checked before anything is asked of the server.
/// </summary>
public static class PictureOutput
{
    /// <summary>An <c>--out</c> option that takes only files ending in one of <paramref name="extensions"/> (".svg", ".png", ".html").</summary>
    public static Option<FileInfo> Out(string description, params string[] extensions)
    {
        var option = new Option<FileInfo>("--out", "-o") { Description = description, HelpName = "file", Required = true };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is not { } file) return;
            if (!extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase))
                result.AddError($"'{file.Name}' does not end in {string.Join(" or ", extensions)}: the file's extension says which format to write.");
        });
        return option;
    }

    /// <summary>Fetches <paramref name="apiPath"/> and saves its bytes to the file; says where and how big.</summary>
    public static async Task<int> SaveAsync(CliContext context, ApiClient api, string apiPath, FileInfo file, string what, CancellationToken ct)
    {
        var content = await api.GetContentAsync(apiPath, ct);
        try
        {
            await File.WriteAllBytesAsync(file.FullName, content.Bytes, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write {file.FullName}: {e.Message}");
        }
        context.Screen.Line($"Saved {what} ({content.Bytes.Length:N0} bytes) to ", file.FullName, ".");
        return ExitCodes.Success;
    }

    /// <summary>The format the server draws in, from the file's extension: "svg" or "png".</summary>
    public static string Format(FileInfo file) => file.Extension.TrimStart('.').ToLowerInvariant();
}
