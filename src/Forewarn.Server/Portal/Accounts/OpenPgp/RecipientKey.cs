namespace Forewarn.Server.Portal.Accounts.OpenPgp;

/// <summary>
/// A person's OpenPGP public key as the programme accepted it: mail that carries embargoed text
/// is encrypted to it. <see cref="Armored"/> is what is stored (the key re-armored the one way the
/// programme writes OpenPGP), <see cref="Fingerprint"/> the version 4 fingerprint that the page,
/// the people page and the command line show.
/// </summary>
/// <param name="Armored">The whole key, re-armored (LF line ends, no version header).</param>
/// <param name="Fingerprint">40 upper-case hex digits.</param>
/// <param name="Algorithm">The primary key's algorithm, e.g. <c>Ed25519</c> or <c>RSA 3072</c>.</param>
/// <param name="EncryptionAlgorithm">The algorithm of the (sub)key mail is encrypted to, e.g. <c>Curve25519 (ECDH)</c>.</param>
/// <param name="ExpiresAt">When encrypting to the key stops working: the earlier of the primary key's and the encryption key's expiry; null when neither expires.</param>
/// <param name="UserIds">The user ids the key certifies itself, as written in it.</param>
/// <param name="NamesAddress">Whether one of <see cref="UserIds"/> carries the account's e-mail address.</param>
/// <param name="Warnings">What the person should know but that does not stop the key being used (sentences).</param>
public sealed record RecipientKey(
    string Armored,
    string Fingerprint,
    string Algorithm,
    string EncryptionAlgorithm,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<string> UserIds,
    bool NamesAddress,
    IReadOnlyList<string> Warnings);
