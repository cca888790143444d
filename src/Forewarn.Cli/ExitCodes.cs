namespace Forewarn.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The server refused, the input was invalid, or the server could not be reached.</summary>
    public const int Refused = 1;

    /// <summary>The command line itself was wrong (unknown option, missing argument, unparsable value).</summary>
    public const int Usage = 2;

    /// <summary>The check ran and failed: the log, a receipt or a proof does not verify.</summary>
    public const int NotVerified = 3;
}
