using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Keys;
using Forewarn.Server.Mail;
using Forewarn.Server.ProgramKeys;
using Forewarn.Server.Publishing;
using Forewarn.Server.Review;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Hosting;

/// <summary>
/// Every setting of the server as <see cref="IOptions{TOptions}"/>, bound from configuration
/// (appsettings.json, <c>FOREWARN_</c> environment variables, the command line) and validated
/// when the server starts: a bad setting stops it with a sentence (<see cref="StartupChecks"/>).
/// docs/configuration.md lists them all.
/// </summary>
public static class OptionsRegistration
{
    public static IServiceCollection AddForewarnOptions(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<StoreOptions>().Bind(config).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidation>();
        services.AddOptions<CsafOptions>().Bind(config.GetSection(CsafOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CsafOptions>, AnnotatedOptionsValidation<CsafOptions>>();
        services.AddSingleton<IValidateOptions<CsafOptions>, CsafOptionsValidation>();
        services.AddOptions<WebhookOptions>().Bind(config.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, AnnotatedOptionsValidation<WebhookOptions>>();
        services.AddOptions<MailOptions>().Bind(config.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, AnnotatedOptionsValidation<MailOptions>>();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddOptions<LogOptions>().Bind(config.GetSection(LogOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LogOptions>, AnnotatedOptionsValidation<LogOptions>>();
        services.AddOptions<ApprovalOptions>().Bind(config.GetSection(ApprovalOptions.Section)).ValidateOnStart();
        services.AddOptions<ReviewOptions>().Bind(config.GetSection(ReviewOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewOptions>, AnnotatedOptionsValidation<ReviewOptions>>();
        services.AddSingleton<IValidateOptions<ApprovalOptions>, AnnotatedOptionsValidation<ApprovalOptions>>();
        services.AddOptions<Signals.SignalOptions>().Bind(config.GetSection(Signals.SignalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Signals.SignalOptions>, AnnotatedOptionsValidation<Signals.SignalOptions>>();
        services.AddOptions<AuthOptions>().Bind(config.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AnnotatedOptionsValidation<AuthOptions>>();
        services.AddOptions<PartnerKeyOptions>().Bind(config.GetSection(PartnerKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PartnerKeyOptions>, AnnotatedOptionsValidation<PartnerKeyOptions>>();
        services.AddOptions<KeysOptions>().Bind(config.GetSection(KeysOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeysOptions>, KeysOptionsValidation>();

        // What the features read, made once from the validated options.
        services.AddSingleton(s => s.GetRequiredService<IOptions<StoreOptions>>().Value.ToSettings());
        services.AddSingleton(s => WebhookSettings.From(s.GetRequiredService<IOptions<WebhookOptions>>().Value));
        services.AddSingleton(s => MailSettings.Of(s.GetRequiredService<IOptions<MailOptions>>().Value, s.GetRequiredService<IOptions<CsafOptions>>().Value));
        services.AddSingleton(s => ApprovalSettings.From(s.GetRequiredService<IOptions<ApprovalOptions>>().Value));
        services.AddSingleton<ProgramPublisher>();
        services.AddSingleton<CsafSettings>();
        return services;
    }

    /// <summary>
    /// Environment variables prefixed <c>FOREWARN_</c> (<c>FOREWARN_CSAF__PUBLICURL</c> is <c>csaf:publicUrl</c>),
    /// overridden by the command line, as any ASP.NET Core setting would be.
    /// </summary>
    public static void AddSources(ConfigurationManager config, string[] args)
    {
        config.AddEnvironmentVariables("FOREWARN_");
        config.AddCommandLine(args);
    }
}
