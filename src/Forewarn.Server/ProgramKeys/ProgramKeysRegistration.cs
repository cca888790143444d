using Forewarn.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Forewarn.Server.ProgramKeys;

/// <summary>
/// The programme's keys at rest: Data Protection with one key ring for every server of the
/// programme, kept in the store (<c>data_protection_keys</c>) and encrypted by the operator's
/// master key; the programme's secrets are protected with it (<see cref="ProgramSecrets"/>).
/// </summary>
public static class ProgramKeysRegistration
{
    /// <summary>One name for every server: Data Protection otherwise isolates apps by their install path.</summary>
    public const string ApplicationName = "Forewarn";

    public static IServiceCollection AddProgramKeys(this IServiceCollection services)
    {
        services.AddSingleton<MasterKey>();
        services.AddSingleton<ProgramSecrets>();
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<ForewarnDb>()
            // AES-256-GCM (the platform's AesGcm) for keys made from now on: the default, AES-CBC with an HMAC computed
            // by managed code, cost most of a portal page's time (every request unprotects its session cookie).
            // Keys made before keep their own algorithm and still read what they protected.
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        services.AddOptions<KeyManagementOptions>().Configure<MasterKey>((o, key) => o.XmlEncryptor = new MasterKeyXmlEncryptor(key));
        return services;
    }
}
