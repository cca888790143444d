using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Forewarn.Server.Hosting;

/// <summary>Tells OpenAPI readers (and the reference page) that the API takes Bearer API keys.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Forewarn API";
        document.Info.Description = "Vulnerability early-warning programme: partners, advisories, entitlements. Authenticate with `Authorization: Bearer <api key>`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Forewarn API key (`fw_<prefix>_<secret>`).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
