namespace Forewarn.Server.Taxii;

/// <summary>The TAXII service's registrations. Call before AddProblemDetails, so TAXII paths get TAXII error messages.</summary>
public static class TaxiiServices
{
    public static IServiceCollection AddTaxii(this IServiceCollection services)
    {
        services.AddSingleton<IProblemDetailsWriter, TaxiiErrorWriter>();
        services.AddSingleton<StixCatalogue>();
        services.AddSingleton<StaffCollection>();
        services.AddScoped<EntitledObjects>();
        services.AddScoped<SightingIntake>();
        services.AddAuthorization(TaxiiAccess.Add);
        return services;
    }
}
