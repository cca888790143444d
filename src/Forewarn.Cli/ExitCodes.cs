namespace Forewarn.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The server refused, the input was invalid, or the server could not be reached.</summary>
    public const int Refused = 1;

    /// <summary>The command line itself was wrong (unknown option, missing argument, unparsable value).</summary>
    public const int Usage = 2;
}
