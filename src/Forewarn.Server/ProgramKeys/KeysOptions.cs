using Microsoft.Extensions.Options;

namespace Forewarn.Server.ProgramKeys;

/// <summary>
/// Section <c>keys</c>: the operator's master key, which encrypts the programme's Data Protection
/// key ring (and so, through it, the CSAF signing key, the tracing secret and the log key kept in
/// the store). Either <c>masterKeyFile</c> (<c>FOREWARN_KEYS__MASTERKEYFILE</c>: a file holding 32
/// random bytes in base64) or <c>masterKey</c> (<c>FOREWARN_KEYS__MASTERKEY</c>: the base64 itself).
/// Neither set: <c>master.key</c> in the data directory, made there for a fresh store.
/// </summary>
public sealed class KeysOptions
{
    public const string Section = "keys";

    public string? MasterKeyFile { get; set; }
    public string? MasterKey { get; set; }
}

internal sealed class KeysOptionsValidation : IValidateOptions<KeysOptions>
{
    public ValidateOptionsResult Validate(string? name, KeysOptions o)
    {
        var file = !string.IsNullOrWhiteSpace(o.MasterKeyFile);
        var value = !string.IsNullOrWhiteSpace(o.MasterKey);
        if (file && value)
            return ValidateOptionsResult.Fail("keys:masterKeyFile and keys:masterKey are both set: give the master key one way only.");
        if (value && !MasterKey.TryRead(o.MasterKey!, out _))
            return ValidateOptionsResult.Fail($"keys:masterKey (FOREWARN_KEYS__MASTERKEY) is not a master key: {MasterKey.FormatSentence}");
        if (file && !File.Exists(o.MasterKeyFile))
            return ValidateOptionsResult.Fail($"keys:masterKeyFile (FOREWARN_KEYS__MASTERKEYFILE) names {o.MasterKeyFile}, which does not exist.");
        if (file && !MasterKey.TryRead(File.ReadAllText(o.MasterKeyFile!), out _))
            return ValidateOptionsResult.Fail($"keys:masterKeyFile (FOREWARN_KEYS__MASTERKEYFILE) names {o.MasterKeyFile}, which does not hold a master key: {MasterKey.FormatSentence}");
        return ValidateOptionsResult.Success;
    }
}
