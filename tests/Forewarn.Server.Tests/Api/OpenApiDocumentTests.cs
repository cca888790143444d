using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Api;

/// <summary>
/// The OpenAPI document says what the API answers: refusals as problem responses with their
/// statuses, and the programme's value sets as enums.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<JsonNode> DocumentAsync() => await _f.CreateClient().GetJson("/openapi/v1.json");

    private static JsonNode Operation(JsonNode doc, string method, string path) =>
        doc["paths"]![path]?[method] ?? throw new Xunit.Sdk.XunitException($"{method.ToUpperInvariant()} {path} is not in the document.");

    [Theory]
    [InlineData("get", "/api/v1/partners/{id}", "404")]
    [InlineData("patch", "/api/v1/partners/{id}", "400", "404", "409")]
    [InlineData("post", "/api/v1/partners", "400", "409")]
    [InlineData("post", "/api/v1/advisories/{id}/schedule", "404", "409")]
    [InlineData("post", "/api/v1/advisories/{id}/artifacts", "400", "404", "409", "422")]
    [InlineData("post", "/api/v1/csaf/import", "400", "409", "422")]
    [InlineData("post", "/api/v1/me/webhooks/{id}/rotate", "400", "404")]
    [InlineData("post", "/api/v1/keys/{id}/revoke", "404", "409")]
    public async Task Refusals_are_documented_as_problem_responses(string method, string path, params string[] statuses)
    {
        var responses = Operation(await DocumentAsync(), method, path)["responses"]!.AsObject();
        foreach (var status in statuses)
        {
            Assert.True(responses.ContainsKey(status), $"{method.ToUpperInvariant()} {path} does not document {status}.");
            Assert.NotNull(responses[status]!["content"]?["application/problem+json"]);
        }
    }

    [Theory]
    [InlineData("PartnerDto", "status", "applicant", "active", "probation", "suspended", "removed")]
    [InlineData("NewPartner", "restrictions", "notice", "description", "detection", "indicators", "mitigation", "poc")]
    [InlineData("NewArtifact", "tlp", "TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")]
    [InlineData("NewArtifact", "class", "notice", "description", "detection", "indicators", "mitigation", "poc")]
    [InlineData("AdvisorySummaryDto", "state", "draft", "scheduled", "notified", "released", "withdrawn")]
    [InlineData("WebhookDeliveryDto", "state", "pending", "delivered", "dead")]
    public async Task Value_sets_are_enums_in_the_schemas(string schema, string property, params string[] values)
    {
        var doc = await DocumentAsync();
        var shape = doc["components"]!["schemas"]![schema] ?? throw new Xunit.Sdk.XunitException($"No schema {schema}.");
        var p = shape["properties"]![property]!;
        var listed = (p["items"] ?? p)["enum"]?.AsArray().Select(v => (string)v!).ToList() ?? [];
        Assert.Equal(values.Order(), listed.Order());
    }
}
