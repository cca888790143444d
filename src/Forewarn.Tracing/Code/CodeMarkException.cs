using Forewarn.Domain.Common;

namespace Forewarn.Tracing.Code;

/// <summary>
/// Marking a PoC was refused: the original does not compile or parse, a template is malformed or
/// would break a copy, a rendered copy failed its check, or the copy cannot be checked at all.
/// A copy that has not passed its check is never issued.
/// </summary>
public sealed class CodeMarkException(string code, string message) : DomainException(code, message, ErrorCategory.Unprocessable);
