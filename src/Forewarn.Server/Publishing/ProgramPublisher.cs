using System.Text.Json;
using Forewarn.Domain.Common;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Publishing;

/// <summary>
/// The programme's CSAF publisher: the one configured (<see cref="CsafOptions"/>), else the one the
/// programme keeps in <c>program_settings</c> (the demo writes its own when it loads), else none —
/// and then what needs a publisher refuses with <see cref="PublisherMissingException"/>. Settled
/// once at start (<see cref="LoadAsync"/>), before requests are served.
/// </summary>
public sealed class ProgramPublisher(IOptions<CsafOptions> options)
{
    public const string SettingKey = "csaf.publisher";

    private volatile CsafPublisherIdentity? current = options.Value.ConfiguredPublisher();

    public CsafPublisherIdentity? Current => current;

    public CsafPublisherIdentity Require() => current ?? throw new PublisherMissingException();

    public async Task LoadAsync(ForewarnDb db, CancellationToken ct)
    {
        if (options.Value.ConfiguredPublisher() is { } configured)
        {
            current = configured;
            return;
        }
        var stored = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        current = stored is null ? null : JsonSerializer.Deserialize<CsafPublisherIdentity>(stored.Value, StoreForm);
    }

    /// <summary>The setting that keeps <paramref name="publisher"/> as the programme's own.</summary>
    public static ProgramSetting Keep(CsafPublisherIdentity publisher) => new(SettingKey, JsonSerializer.Serialize(publisher, StoreForm));

    private static readonly JsonSerializerOptions StoreForm = new(JsonSerializerDefaults.Web);
}

/// <summary>Something that names the programme's publisher was asked for, and none is configured.</summary>
public sealed class PublisherMissingException() : DomainException("csaf-publisher-missing",
    "No CSAF publisher is configured for this programme, so it cannot publish or sign CSAF documents. Set csaf:publisherName, " +
    "csaf:publisherNamespace and csaf:contactDetails (FOREWARN_CSAF__PUBLISHERNAME, …) and restart; see docs/configuration.md.",
    ErrorCategory.Unavailable);
