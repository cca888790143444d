using Forewarn.Domain.Publishing;

namespace Forewarn.Server.Api.Contracts;

public sealed record NoticeDto(Guid Id, Guid AdvisoryId, string Advisory, string Kind, string Text, DateTimeOffset At);

public sealed record PublicationDto(int Version, string TrackingId, string Path, string Url, string Sha256, string Sha512,
    DateTimeOffset InitialReleaseDate, DateTimeOffset CurrentReleaseDate, DateTimeOffset PublishedAt)
{
    public static PublicationDto From(Publication p, string baseUrl) => new(p.Version, p.TrackingId, p.Path,
        $"{baseUrl}/.well-known/csaf/white/{p.Path}", p.Sha256, p.Sha512, p.InitialReleaseDate, p.CurrentReleaseDate, p.PublishedAt);
}
