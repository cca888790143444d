namespace Forewarn.Server.Hosting;

/// <summary>The server cannot start as configured; the message says why and what to do, for the person starting it.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
