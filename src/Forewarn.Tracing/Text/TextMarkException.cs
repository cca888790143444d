using Forewarn.Domain.Common;

namespace Forewarn.Tracing.Text;

/// <summary>Marking a text was refused: a template the author wrote is malformed (<c>bad-template</c>).</summary>
public sealed class TextMarkException(string code, string message) : DomainException(code, message, ErrorCategory.Unprocessable);
