namespace Forewarn.Domain.Common;

/// <summary>A named setting of the programme (its name, when the demo was loaded).</summary>
public sealed record ProgramSetting(string Key, string Value);
