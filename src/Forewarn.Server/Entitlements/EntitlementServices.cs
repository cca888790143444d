namespace Forewarn.Server.Entitlements;

/// <summary>The registrations of what partner requests decide from: the facts, the entitled views and their one cache.</summary>
public static class EntitlementServices
{
    public static IServiceCollection AddEntitlements(this IServiceCollection services)
    {
        services.AddSingleton<FactsCache>();
        services.AddScoped<RequestFacts>();
        services.AddSingleton(_ => new EntitledViewCache());
        services.AddScoped<EntitledViews>();
        services.AddSingleton<PartnerInbox>();
        services.AddScoped<PartnerView>();
        return services;
    }
}
