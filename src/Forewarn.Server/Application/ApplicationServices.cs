using Forewarn.Server.Advisories;
using Forewarn.Server.Approvals;
using Forewarn.Server.CaseReports;
using Forewarn.Server.Cases;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Exposure;
using Forewarn.Server.Keys;
using Forewarn.Server.Partners;
using Forewarn.Server.Policy;
using Forewarn.Server.ReferenceData;
using Forewarn.Server.Sightings;
using Forewarn.Server.Signals;
using Forewarn.Server.Staff;
using Forewarn.Server.Suspicion;
using Forewarn.Server.Review;
using Forewarn.Server.Timeline;
using Forewarn.Server.Tracing;
using Forewarn.Server.Webhooks;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forewarn.Server.Application;

/// <summary>
/// The application layer: one service per feature holding its operations (check, change, stage
/// the log entry), shared by the API, the portal and jobs; and what follows every commit.
/// </summary>
public static class ApplicationServices
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddSingleton<ChangeFollowUp>();
        services.AddSingleton<IInterceptor>(s => s.GetRequiredService<ChangeFollowUp>());
        services.AddScoped<PartnerService>();
        services.AddScoped<ReferenceDataService>();
        services.AddScoped<AdvisoryService>();
        services.AddScoped<ArtifactService>();
        services.AddScoped<KeyService>();
        services.AddScoped<PartnerKeys>();
        services.AddScoped<NetworkService>();
        services.AddScoped<SignalService>();
        services.AddSingleton<SourceCountries>();
        services.AddHostedService<CountryFilesAtStart>();
        services.AddScoped<Invitations.InvitationService>();
        services.AddScoped<PolicyService>();
        services.AddScoped<WebhookService>();
        services.AddScoped<AcknowledgementService>();
        services.AddScoped<Transparency.PartnerEntries>();
        services.AddScoped<Feedback.FeedbackService>();
        services.AddScoped<FourEyesGate>();
        services.AddScoped<ApprovedChanges>();
        services.AddScoped<ProposalService>();
        services.AddScoped<StaffService>();
        services.AddScoped<SampleTracing>();
        services.AddScoped<SightingService>();
        services.AddScoped<MySightingService>();
        services.AddScoped<EmbargoBreakService>();
        services.AddScoped<ExposureService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<AcknowledgementDeadlines>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseDecisionService>();
        services.AddScoped<SuspicionService>();
        services.AddScoped<TimelineService>();
        services.AddScoped<CaseReportService>();
        return services;
    }
}
