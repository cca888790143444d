using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Taxii;

/// <summary>
/// TAXII answers: a resource, or an error message (TAXII 2.1 section 3.6.1: title, description,
/// error_id, error_code, http_status as a string), both as <c>application/taxii+json;version=2.1</c>.
/// </summary>
public static class TaxiiResponses
{
    public static ContentHttpResult Ok(JsonNode body) =>
        TypedResults.Content(body.ToJsonString(), TaxiiMedia.Taxii, Encoding.UTF8, StatusCodes.Status200OK);

    public static ContentHttpResult Error(int status, string code, string title, string description) =>
        TypedResults.Content(ErrorBody(status, code, title, description).ToJsonString(), TaxiiMedia.Taxii, Encoding.UTF8, status);

    public static ContentHttpResult BadRequest(string description) =>
        Error(StatusCodes.Status400BadRequest, "bad-request", "The request is not valid", description);

    public static ContentHttpResult NotFound(string description) =>
        Error(StatusCodes.Status404NotFound, "not-found", "Not found", description);

    public static JsonObject ErrorBody(int status, string code, string title, string description) => new()
    {
        ["title"] = title,
        ["description"] = description,
        ["error_id"] = Guid.CreateVersion7().ToString(),
        ["error_code"] = code,
        ["http_status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
