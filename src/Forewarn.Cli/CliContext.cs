using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Output;

namespace Forewarn.Cli;

/// <summary>
/// One run of the command line: its writers, environment and HTTP handler (so tests can run many
/// in one process), the global <c>--server</c> option, and the one place errors become exit codes.
/// </summary>
public sealed class CliContext
{
    public const string DefaultServer = "http://localhost:5252";
    public const string ServerVariable = "FOREWARN_SERVER";
    public const string KeyVariable = "FOREWARN_API_KEY";

    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly HttpMessageHandler? _handler;

    public CliContext(TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment, HttpMessageHandler? handler)
    {
        Out = stdout;
        Error = stderr;
        _environment = environment;
        _handler = handler;
        Screen = new Screen(stdout, environment);
        ServerOption = new Option<Uri?>("--server")
        {
            Description = $"Forewarn server URL (default: ${ServerVariable}, else {DefaultServer})",
            HelpName = "url",
            Recursive = true,
            CustomParser = ParseServer,
        };
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public Screen Screen { get; }
    public Option<Uri?> ServerOption { get; }

    /// <summary>Runs a command body against the server; refusals and network failures exit 1 with a sentence, never a stack trace.</summary>
    public Task<int> RunAsync(ParseResult parse, CancellationToken ct, Func<ApiClient, CancellationToken, Task<int>> body) =>
        RunOfflineAsync(ct, async token =>
        {
            try
            {
                var server = ResolveServer(parse);
                using var api = new ApiClient(server, Variable(KeyVariable), _handler);
                return await body(api, token);
            }
            catch (ProblemException e)
            {
                Fail(e.Detail is null ? e.Title : $"{e.Title} — {e.Detail}");
                foreach (var line in e.Errors) Error.WriteLine($"  {line}");
                return ExitCodes.Refused;
            }
            catch (ServerUnreachableException e)
            {
                Fail(e.Message);
                return ExitCodes.Refused;
            }
        });

    /// <summary>Runs a command body that needs no server (offline checks): bad input exits 1 with a sentence.</summary>
    public async Task<int> RunOfflineAsync(CancellationToken ct, Func<CancellationToken, Task<int>> body)
    {
        try
        {
            return await body(ct);
        }
        catch (InputException e)
        {
            Fail(e.Message);
            return ExitCodes.Refused;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Fail("cancelled.");
            return ExitCodes.Refused;
        }
    }

    /// <summary>Prints an error as one line, whatever line breaks the message (the server's words, an exception's) carried.</summary>
    public void Fail(string message)
    {
        Error.WriteLine($"error: {string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
        Error.Flush();
    }

    /// <summary>Prints JSON for scripts, or lets the command draw its human view.</summary>
    public void Show(bool json, JsonNode? node, Action<JsonNode> human)
    {
        if (json) Screen.Json(node);
        else if (node is not null) human(node);
    }

    private Uri ResolveServer(ParseResult parse)
    {
        if (parse.GetValue(ServerOption) is { } fromOption) return fromOption;
        var fromEnvironment = Variable(ServerVariable);
        if (fromEnvironment is null) return new Uri(DefaultServer);
        return TryServer(fromEnvironment, out var uri)
            ? uri
            : throw new InputException($"{ServerVariable} is '{fromEnvironment}', which is not an http(s) URL such as {DefaultServer}.");
    }

    private string? Variable(string name) =>
        _environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static Uri? ParseServer(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (TryServer(token, out var uri)) return uri;
        result.AddError($"'{token}' is not an http(s) URL for --server, e.g. {DefaultServer}.");
        return null;
    }

    private static bool TryServer(string text, out Uri uri) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
