using Forewarn.Server.Admin;
using Forewarn.Server.Advisories;
using Forewarn.Server.Api;
using Forewarn.Server.Sightings;
using Forewarn.Server.Signals;
using Forewarn.Server.Application;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.CaseReports;
using Forewarn.Server.Cases;
using Forewarn.Server.Deliveries;
using Forewarn.Server.Demo;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Exposure;
using Forewarn.Server.Invitations;
using Forewarn.Server.Suspicion;
using Forewarn.Server.Keys;
using Forewarn.Server.Mail;
using Forewarn.Server.Partners;
using Forewarn.Server.Policy;
using Forewarn.Server.Portal;
using Forewarn.Server.Problems;
using Forewarn.Server.ProgramKeys;
using Forewarn.Server.Publishing;
using Forewarn.Server.Review;
using Forewarn.Server.ReferenceData;
using Forewarn.Server.Staff;
using Forewarn.Server.Taxii;
using Forewarn.Server.Timeline;
using Forewarn.Server.Tracing;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

namespace Forewarn.Server.Hosting;

/// <summary>Builds the Forewarn web application: services, then the HTTP pipeline.</summary>
public static class ServerHost
{
    public static WebApplication Build(string[] args)
    {
        // appsettings.json ships next to the binary; find it wherever the server is started from
        // (the data directory still defaults to ./data under the working directory).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        OptionsRegistration.AddSources(builder.Configuration, args);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddForewarnOptions(builder.Configuration);
        builder.Services.AddForewarnStore();
        builder.Services.AddHostedService<StoreStartup>();
        // After StoreStartup: Data Protection reads its key ring at start, from a migrated store, with the master key settled.
        builder.Services.AddProgramKeys();
        builder.Services.AddSingleton<ReleaseSignal>();
        builder.Services.AddSingleton<ProgramSigningKey>();
        builder.Services.AddSingleton<SigningKeyRotation>();
        builder.Services.AddSingleton<ProgramTracingSecret>();
        builder.Services.AddSingleton<RequestOrigins>();
        builder.Services.AddSingleton<ArtifactMarking>();
        builder.Services.AddSingleton<ReleasePublisher>();
        builder.Services.AddSingleton<WaveOpenings>();
        builder.Services.AddSingleton<WaveAnnouncer>();
        builder.Services.AddApplication();
        builder.Services.AddScoped<AdvisoryAudience>();
        builder.Services.AddScoped<PublicDirectory>();
        builder.Services.AddScoped<TraceService>();
        builder.Services.AddSingleton<LogKey>();
        builder.Services.AddSingleton<LogKeyRotation>();
        builder.Services.AddScoped<StoreBackup>();
        builder.Services.AddSingleton<LogSize>();
        builder.Services.AddSingleton<TransparencyLog>();
        builder.Services.AddSingleton<ILogAppender>(s => s.GetRequiredService<TransparencyLog>());
        builder.Services.AddHostedService(s => s.GetRequiredService<TransparencyLog>());
        // After the log runs (its changes are logged) and before the server takes requests.
        builder.Services.AddHostedService<StoreUpgrades>();
        // After the log's sequencer: the demo's investigation waits for its entries and freezes a snapshot at a checkpoint.
        builder.Services.AddHostedService<DemoInvestigation>();
        builder.Services.AddScoped<LogReader>();
        // After StoreStartup, so the first pass (releases missed while down) sees a migrated store.
        builder.Services.AddHostedService<ReleaseScheduler>();
        builder.Services.AddSingleton<ContractSignal>();
        builder.Services.AddSingleton<ContractWatch>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ContractWatch>());
        builder.Services.AddHostedService<AcknowledgementReminders>();
        builder.Services.AddSingleton<ProposalSignal>();
        builder.Services.AddSingleton<ProposalExpiry>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ProposalExpiry>());
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddHttpClient(WebhookSender.HttpClientName, (s, c) => c.Timeout = s.GetRequiredService<WebhookSettings>().Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers(); // the sender records every outcome itself; per-request log scopes cost a fan-out dearly
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService(s => s.GetRequiredService<WebhookSender>());
        builder.Services.AddSingleton<MailSignal>();
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddScoped<MailComposer>();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddHostedService(s => s.GetRequiredService<MailSender>());
        builder.Services.AddEntitlements();
        Telemetry.Add(builder.Services, builder.Configuration);
        builder.Services.AddTaxii(); // before AddProblemDetails: TAXII paths answer errors as TAXII error messages
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusProblems.Customize);
        builder.Services.AddExceptionHandler<ErrorHandling>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(RequestJson.Configure);
        builder.Services.AddAuthentication(RequestAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddPolicyScheme(RequestAuthentication.SchemeName, null, o => o.ForwardDefaultSelector = RequestAuthentication.Select);
        builder.Services.AddAuthorization(AccessPolicies.Add);
        builder.Services.AddSingleton<FailedKeyAttempts>();
        builder.Services.AddHostedService<FailedKeyRecorder>();
        builder.Services.AddFailureThrottle();
        builder.Services.AddPortal();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>().AddSchemaTransformer<ValueSetSchemas>());
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = BodySizeLimit.Upload;
            RequestLimits.Configure(k.Limits);
            k.AddServerHeader = false; // no need to tell a prober which server (and so which of its bugs) it faces
        });

        var app = builder.Build();
        app.UseMiddleware<SecurityHeaders>(); // first, so that every answer carries them, refusals and errors too
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLimits>();
        app.UseMiddleware<BodySizeLimit>();
        app.UseAuthentication();
        app.UseRateLimiter(); // after authentication: it throttles failed authentications only (FailureThrottle)
        app.UseMiddleware<NetworkBoundKeys>(); // a right key from outside its networks does nothing, whatever it asks
        app.UseAuthorization();
        app.UseMiddleware<ReadOnlyPartners>(); // after authorization: a partner's permitted writes, while it is not receiving

        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Forewarn API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapLandingPage();
        app.MapPortal();
        app.MapProviderDirectory();
        app.MapTaxii();
        app.MapTransparencyLog();
        app.MapGet("/health", Health.Check).WithTags("Service").WithSummary("Whether the server and its store answer");
        app.MapGet("/ping", () => "pong").ExcludeFromDescription();

        // Embargoed content and programme data must not linger in browser or proxy caches.
        var api = app.MapGroup("/api/v1").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        api.MapPartners();
        api.MapReferenceData();
        api.MapPolicy();
        api.MapAdvisories();
        api.MapArtifacts();
        api.MapKeys();
        api.MapMyKeys();
        api.MapNetworks();
        api.MapStaff();
        api.MapApprovals();
        api.MapAccessRecords();
        api.MapSightings();
        api.MapMe();
        Feedback.FeedbackEndpoints.MapFeedback(api);
        api.MapNotices();
        api.MapCsaf();
        api.MapWebhooks();
        api.MapWaveDeliveries();
        api.MapExposure();
        api.MapSuspicion();
        api.MapSignals();
        api.MapReviews();
        api.MapTrace();
        api.MapLogEntries();
        api.MapAdmin();
        api.MapCases();
        api.MapTimelines();
        api.MapCaseReports();
        api.MapMyDecisions();
        api.MapMySightings();
        api.MapInvitations();

        app.Lifetime.ApplicationStarted.Register(() => StartBanner.Print(app.Services.GetRequiredService<IServer>(), app.Services.GetRequiredService<StoreSettings>(),
            token => DemoKeyUsable(app.Services, token)));
        return app;
    }

    /// <summary>Whether a demo token still authenticates (not revoked, not expired), so the banner never prints a dead key.</summary>
    private static bool DemoKeyUsable(IServiceProvider services, string token)
    {
        if (!Forewarn.Domain.Keys.ApiKey.TryParseToken(token, out var prefix, out var secret)) return false;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var key = db.ApiKeys.AsNoTracking().FirstOrDefault(k => k.Prefix == prefix);
        return key is not null && key.Matches(secret) && key.UsableAt(services.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
