using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Forewarn.Cli.Api;

/// <summary>
/// Talks to a Forewarn server's <c>/api/v1</c>: JSON in, JSON out, problem details turned into
/// <see cref="ProblemException"/> and network failures into <see cref="ServerUnreachableException"/>.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http;
    private readonly string? _apiKey;

    public ApiClient(Uri server, string? apiKey, HttpMessageHandler? handler = null)
    {
        Server = server;
        _apiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = ApiBase(server);
        _http.Timeout = Timeout;
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("forewarn-cli", "1.0"));
        if (_apiKey is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
    }

    /// <summary>The server as the user named it (for messages).</summary>
    public Uri Server { get; }

    public Task<JsonNode?> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonNode?> PostAsync(string path, JsonNode? body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, ct);

    /// <summary>Posts a JSON document given as text, unchanged (a CSAF file, say).</summary>
    public async Task<JsonNode?> PostJsonTextAsync(string path, string json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await SendRawAsync(request, ct);
        var bytes = await ReadBytesAsync(response, ct);
        return bytes.Length == 0 ? null : JsonNode.Parse(bytes);
    }

    public Task<JsonNode?> PutAsync(string path, JsonNode? body, CancellationToken ct) => SendAsync(HttpMethod.Put, path, body, ct);

    public Task<JsonNode?> PatchAsync(string path, JsonNode? body, CancellationToken ct) => SendAsync(HttpMethod.Patch, path, body, ct);

    public Task<JsonNode?> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Delete, path, null, ct);

    /// <summary>Fetches raw bytes (artifact content), keeping the media type and suggested file name.</summary>
    public async Task<ArtifactContent> GetContentAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        using var response = await SendRawAsync(request, ct);
        var bytes = await ReadBytesAsync(response, ct);
        var headers = response.Content.Headers;
        var fileName = headers.ContentDisposition?.FileNameStar ?? headers.ContentDisposition?.FileName;
        return new ArtifactContent(bytes, headers.ContentType?.MediaType, fileName?.Trim('"'), Receipt(response));
    }

    /// <summary>
    /// Streams a large answer (a store backup) into <paramref name="path"/> — written beside it and
    /// moved into place only once complete — and returns the answer's headers. No overall timeout.
    /// </summary>
    public async Task<System.Net.Http.Headers.HttpResponseHeaders> DownloadAsync(string apiPath, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, apiPath);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        using var response = await SendRawAsync(request, ct);
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
                await (await response.Content.ReadAsStreamAsync(ct)).CopyToAsync(file, ct);
            File.Move(partial, path, overwrite: true);
        }
        catch (HttpRequestException e)
        {
            File.Delete(partial);
            throw new ServerUnreachableException(Server, Reason(e), e);
        }
        return response.Headers;
    }

    /// <summary>Fetches a text answer (a signed checkpoint, a key) as the server wrote it.</summary>
    public async Task<string> GetTextAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        using var response = await SendRawAsync(request, ct);
        return Encoding.UTF8.GetString(await ReadBytesAsync(response, ct));
    }

    /// <summary>The log receipt a content download carries (base64 JSON in a header), as JSON text; null when absent or unreadable.</summary>
    private static string? Receipt(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("X-Forewarn-Receipt", out var values)) return null;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(values.First()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Escapes one path segment (an id or reference typed by the user).</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value.Trim());

    /// <summary>
    /// Posts a change that may need a second staff member's approval: the server then answers 202
    /// with the proposal instead of the change (<see cref="Answer.Proposed"/>).
    /// </summary>
    public async Task<Answer> PostOrProposeAsync(string path, JsonNode? body, CancellationToken ct)
    {
        var (status, json) = await SendWithStatusAsync(HttpMethod.Post, path, body, ct);
        return new Answer(json, status == HttpStatusCode.Accepted);
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct) =>
        (await SendWithStatusAsync(method, path, body, ct)).Body;

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendWithStatusAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await SendRawAsync(request, ct);
        var bytes = await ReadBytesAsync(response, ct);
        if (bytes.Length == 0) return (response.StatusCode, null);
        try
        {
            return (response.StatusCode, JsonNode.Parse(bytes));
        }
        catch (JsonException e)
        {
            throw new ProblemException(response.StatusCode, "Unexpected answer",
                $"the server at {Server} did not answer with JSON ({e.Message}); is it a Forewarn server?");
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ServerUnreachableException(Server, Reason(e), e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ServerUnreachableException(Server, $"no answer within {Timeout.TotalSeconds:0} seconds", e);
        }

        if (response.IsSuccessStatusCode) return response;
        try
        {
            throw await ToProblemAsync(response, ct);
        }
        finally
        {
            response.Dispose();
        }
    }

    private async Task<byte[]> ReadBytesAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (HttpRequestException e)
        {
            throw new ServerUnreachableException(Server, Reason(e), e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ServerUnreachableException(Server, $"no answer within {Timeout.TotalSeconds:0} seconds", e);
        }
    }

    private async Task<ProblemException> ToProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = response.StatusCode;
        var reason = response.ReasonPhrase is { Length: > 0 } r ? r : status.ToString();
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(ct);
        }
        catch (HttpRequestException)
        {
            text = "";
        }

        JsonObject? problem = null;
        if (text.Length > 0)
        {
            try
            {
                problem = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's error page, say): fall through to the status line.
            }
        }

        var title = Read(problem, "title") ?? $"{reason} ({(int)status})";
        var detail = Read(problem, "detail");
        if (problem is null && text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "text/plain")
            detail = text.Length > 300 ? text[..300] + "…" : text.Trim();
        if (status == HttpStatusCode.Unauthorized)
        {
            // The server explains what it wanted; only we know where the key should have come from.
            if (_apiKey is null)
                detail = detail is null ? "no API key was sent; set FOREWARN_API_KEY." : $"{detail} (No API key was sent: set FOREWARN_API_KEY.)";
            else
                detail ??= "the server did not accept the API key in FOREWARN_API_KEY.";
        }
        if (detail is null && status == HttpStatusCode.Forbidden)
            detail = "the API key in FOREWARN_API_KEY may not do this.";
        return new ProblemException(status, title, detail, Read(problem, "type"),
            [.. FieldErrors(problem?["errors"]), .. CsafFailures(problem?["failures"])]);
    }

    private static string? Read(JsonObject? problem, string name) =>
        problem?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>
    /// ASP.NET Core writes <c>errors</c> as <c>{"field": ["message", …]}</c>; accept a plain list too.
    /// </summary>
    private static List<string> FieldErrors(JsonNode? errors)
    {
        var lines = new List<string>();
        switch (errors)
        {
            case JsonObject byField:
                foreach (var (field, messages) in byField)
                {
                    if (messages is JsonArray list)
                        lines.AddRange(list.Select(m => $"{field}: {Plain(m)}"));
                    else
                        lines.Add($"{field}: {Plain(messages)}");
                }
                break;
            case JsonArray list:
                lines.AddRange(list.Select(Plain));
                break;
        }
        return lines;
    }

    /// <summary>CSAF validation failures as one line each: test, JSON pointer, sentence.</summary>
    private static IEnumerable<string> CsafFailures(JsonNode? failures) =>
        failures is JsonArray list
            ? list.Select(f => $"{Plain(f?["test"])} {Plain(f?["pointer"])}: {Plain(f?["message"])}")
            : [];

    private static string Plain(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static Uri ApiBase(Uri server)
    {
        var root = server.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (!root.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase)) root += "/api/v1";
        return new Uri(root + "/");
    }

    /// <summary>HttpClient's own message names host and port; TLS failures hide the reason one level down.</summary>
    private static string Reason(HttpRequestException e)
    {
        Exception reason = e;
        if (e.Message.Contains("inner exception", StringComparison.OrdinalIgnoreCase))
            while (reason.InnerException is not null) reason = reason.InnerException;
        return reason.Message;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A server's answer to a change: the JSON, and whether it became a proposal waiting for approval.</summary>
public sealed record Answer(JsonNode? Body, bool Proposed);
