namespace Forewarn.Csaf.Validation;

/// <summary>One reason a CSAF document is not valid.</summary>
/// <param name="Test">
/// What found it: the CSAF 2.0 mandatory test id of spec section 6.1 (<c>6.1.1</c> … <c>6.1.33</c>,
/// <c>6.1.27.1</c> … <c>6.1.27.11</c>), <c>schema</c> for the JSON schema, or <c>json</c> when the text
/// is not JSON at all.
/// </param>
/// <param name="Pointer">A JSON pointer (RFC 6901) to the offending value in the document; empty for the whole document.</param>
/// <param name="Message">A sentence a person understands.</param>
public sealed record CsafFailure(string Test, string Pointer, string Message)
{
    /// <summary>The test id of JSON schema failures.</summary>
    public const string Schema = "schema";

    /// <summary>The test id of text that is not JSON.</summary>
    public const string Json = "json";

    /// <inheritdoc />
    public override string ToString() => $"[{Test}] {(Pointer.Length == 0 ? "/" : Pointer)}: {Message}";
}
