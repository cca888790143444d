namespace Forewarn.Csaf.Signing;

/// <summary>
/// An armored OpenPGP key could not be used: it is not a secret key, it is damaged, or the
/// passphrase does not unlock it.
/// </summary>
public sealed class OpenPgpKeyException : Exception
{
    /// <summary>Creates the exception with a sentence for an operator.</summary>
    public OpenPgpKeyException(string message) : base(message) { }

    /// <summary>Creates the exception with a sentence for an operator and the library's cause.</summary>
    public OpenPgpKeyException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception without a message.</summary>
    public OpenPgpKeyException() { }
}
