namespace Forewarn.Cli;

/// <summary>Input the command line could check itself (a missing file, say): exit 1 with the message.</summary>
public sealed class InputException(string message) : Exception(message);
