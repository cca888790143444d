using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Webhooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Forewarn.Server.Hosting;

/// <summary>
/// The programme's value sets (partner status, category, content class, TLP label, advisory state,
/// wave kind, key owner and scope, webhook event, delivery state) travel as strings; this gives each
/// such property of the API's shapes its <c>enum</c> in the OpenAPI document, from the domain's own
/// names so the document cannot drift from what the server accepts and answers.
/// </summary>
internal sealed class ValueSetSchemas : IOpenApiSchemaTransformer
{
    private static readonly string[] Statuses = [.. Enum.GetValues<PartnerStatus>().Select(s => s.Name())];
    private static readonly string[] Categories = [.. Enum.GetValues<PartnerCategory>().Select(c => c.Name())];
    private static readonly string[] Classes = [.. ContentClasses.All.Select(c => c.Name())];
    private static readonly string[] Labels = [.. Enum.GetValues<TlpLabel>().Select(l => l.Name())];
    private static readonly string[] States = [.. Enum.GetValues<AdvisoryState>().Select(s => s.Name())];
    private static readonly string[] WaveKinds = [.. Enum.GetValues<WaveKind>().Select(k => k.ToString().ToLowerInvariant())];
    private static readonly string[] Owners = ["staff", "partner"];
    private static readonly string[] Scopes = [.. KeyScopes.Staff, .. KeyScopes.Partner];
    private static readonly string[] Events = [.. WebhookEvents.All];
    private static readonly string[] Deliveries = [.. Enum.GetValues<DeliveryState>().Select(s => s.ToString().ToLowerInvariant())];

    private static readonly Dictionary<(Type, string), string[]> Sets = new()
    {
        [(typeof(PartnerDto), "status")] = Statuses,
        [(typeof(StatusRequest), "status")] = Statuses,
        [(typeof(StatusChangeDto), "from")] = Statuses,
        [(typeof(StatusChangeDto), "to")] = Statuses,
        [(typeof(PartnerDto), "category")] = Categories,
        [(typeof(NewPartner), "category")] = Categories,
        [(typeof(PartnerChanges), "category")] = Categories,
        [(typeof(PartnerDto), "restrictions")] = Classes,
        [(typeof(NewPartner), "restrictions")] = Classes,
        [(typeof(PartnerChanges), "restrictions")] = Classes,
        [(typeof(ArtifactDto), "class")] = Classes,
        [(typeof(ArtifactDetailDto), "class")] = Classes,
        [(typeof(MyArtifactDto), "class")] = Classes,
        [(typeof(NewArtifact), "class")] = Classes,
        [(typeof(FingerprintDto), "class")] = Classes,
        [(typeof(PolicyRuleDto), "classes")] = Classes,
        [(typeof(NewPolicyRule), "classes")] = Classes,
        [(typeof(ArtifactDto), "tlp")] = Labels,
        [(typeof(ArtifactDetailDto), "tlp")] = Labels,
        [(typeof(MyArtifactDto), "tlp")] = Labels,
        [(typeof(NewArtifact), "tlp")] = Labels,
        [(typeof(AdvisoryDetailsDto), "tlp")] = Labels,
        [(typeof(AdvisorySummaryDto), "state")] = States,
        [(typeof(AdvisoryDto), "state")] = States,
        [(typeof(MyAdvisoryDto), "state")] = States,
        [(typeof(WaveDto), "kind")] = WaveKinds,
        [(typeof(PlannedWaveDto), "kind")] = WaveKinds,
        [(typeof(NewWave), "kind")] = WaveKinds,
        [(typeof(KeyDto), "owner")] = Owners,
        [(typeof(NewKey), "owner")] = Owners,
        [(typeof(KeyDto), "scopes")] = Scopes,
        [(typeof(NewKey), "scopes")] = Scopes,
        [(typeof(WebhookEndpointDto), "events")] = Events,
        [(typeof(NewWebhookEndpoint), "events")] = Events,
        [(typeof(WebhookDeliveryDto), "eventType")] = Events,
        [(typeof(WebhookDeliveryDto), "state")] = Deliveries,
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Properties is null) return Task.CompletedTask;
        var type = context.JsonTypeInfo.Type;
        foreach (var (name, property) in schema.Properties)
        {
            if (!Sets.TryGetValue((type, name), out var values) || property is not OpenApiSchema p) continue;
            var target = p.Items as OpenApiSchema ?? p;
            target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
        return Task.CompletedTask;
    }
}
