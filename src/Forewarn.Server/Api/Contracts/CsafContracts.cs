namespace Forewarn.Server.Api.Contracts;

public sealed record CsafFailureDto(string Test, string Pointer, string Message);

public sealed record CsafValidationDto(bool Valid, IReadOnlyList<CsafFailureDto> Failures);

public sealed record CsafImportDto(AdvisoryDto Advisory, IReadOnlyList<string> NotHeld);
