using System.Net;
using Forewarn.Domain.Common;
using Forewarn.Server.ProgramKeys;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tracing;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.ProgramKeys;

/// <summary>
/// The programme's private keys are not in the store in plain text: each is encrypted with the key
/// ring, whose keys are encrypted with the operator's master key (kept outside the store). A store
/// an older version left in plain text is encrypted at start; a server with the wrong master key refuses to start.
/// </summary>
public sealed class SecretsAtRestTests
{
    [Fact]
    public async Task Neither_the_secrets_nor_the_key_ring_are_in_plain_text_in_the_store()
    {
        await using var f = new ForewarnFactory();
        var (csaf, tracing, log) = await PlainAsync(f);

        var rows = await f.InStoreAsync(db => db.Settings.AsNoTracking().Where(s => ProgramSecrets.SecretKeys.Contains(s.Key)).ToListAsync());
        Assert.Equal(3, rows.Count);
        foreach (var row in rows)
        {
            Assert.StartsWith(ProgramSecrets.Prefix, row.Value);
            Assert.DoesNotContain("PRIVATE", row.Value, StringComparison.Ordinal);
        }
        var everything = string.Join("\n", rows.Select(r => r.Value));
        Assert.DoesNotContain(csaf, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(tracing, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(log, everything, StringComparison.Ordinal);

        var ring = await f.InStoreAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.NotEmpty(ring);
        foreach (var key in ring)
        {
            Assert.Contains("<encryptedKey", key.Xml, StringComparison.Ordinal);
            // Data Protection's own element for the raw key material: present only when unencrypted.
            Assert.DoesNotContain("requiresEncryption", key.Xml, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(Path.Combine(f.DataDirectory, MasterKey.FileName)) || f.OnPostgres);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(f.DataDirectory, MasterKey.FileName)));
    }

    [Fact]
    public async Task Secrets_an_older_version_kept_in_plain_text_are_encrypted_at_start_and_still_the_same()
    {
        await using var f = new ForewarnFactory();
        var (csaf, tracing, log) = await PlainAsync(f);
        var publishedKey = await f.CreateClient().GetStringAsync("/log/v1/key");
        // As the version before encryption at rest left them.
        await f.InStoreAsync(async db =>
        {
            db.Settings.UpdateRange(new ProgramSetting(ProgramSigningKey.SettingKey, csaf), new ProgramSetting(ProgramTracingSecret.SettingKey, tracing),
                new ProgramSetting(LogKey.SettingKey, log));
            return await db.SaveChangesAsync();
        });

        await using var upgraded = new SecondServer(f);
        var published = await upgraded.CreateClient().GetStringAsync("/log/v1/key");
        Assert.Equal(publishedKey, published);
        var rows = await f.InStoreAsync(db => db.Settings.AsNoTracking().Where(s => ProgramSecrets.SecretKeys.Contains(s.Key)).ToListAsync());
        Assert.All(rows, r => Assert.StartsWith(ProgramSecrets.Prefix, r.Value));
        var secret = await upgraded.Services.GetRequiredService<ProgramTracingSecret>().GetAsync(CancellationToken.None);
        Assert.Equal(tracing, Convert.ToBase64String(secret));
    }

    [Fact]
    public async Task A_server_with_another_master_key_refuses_to_start_and_says_why()
    {
        await using var f = new ForewarnFactory();
        await PlainAsync(f);
        await using var stranger = new SecondServer(f);
        stranger.Settings["keys:masterKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var e = Assert.ThrowsAny<Exception>(() => stranger.Services);
        var refused = Assert.IsType<Forewarn.Server.Hosting.StartupRefusedException>(e is AggregateException a ? a.InnerExceptions.Single() : e);
        Assert.Contains("The store's key ring is encrypted with master key ", refused.Message);
        Assert.Contains("Every server of a programme needs the same master key", refused.Message);
        var ring = await f.InStoreAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        Assert.Single(MasterKeyXmlEncryptor.MasterKeysOf(ring)); // the stranger added nothing to the ring
    }

    /// <summary>Makes all three secrets exist (by using them) and returns them as a server holds them.</summary>
    private static async Task<(string Csaf, string Tracing, string Log)> PlainAsync(ForewarnFactory f)
    {
        using var anonymous = f.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/.well-known/csaf/provider-metadata.json")).StatusCode);
        var s = f.Services;
        var csaf = (await s.GetRequiredService<ProgramSigningKey>().GetAsync(CancellationToken.None)).ExportSecretKey();
        var tracing = Convert.ToBase64String(await s.GetRequiredService<ProgramTracingSecret>().GetAsync(CancellationToken.None));
        var log = (await s.GetRequiredService<LogKey>().GetAsync(CancellationToken.None)).SignerKey;
        return (csaf, tracing, log);
    }
}
