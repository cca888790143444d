using System.ComponentModel.DataAnnotations;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Section <c>log</c>: <c>origin</c> (<c>FOREWARN_LOG__ORIGIN</c>) names the transparency log in its
/// checkpoints, e.g. <c>psirt.example.com/forewarn/log</c>. It is read once, when the log key is
/// made (the key carries the name for good); unset, the publisher namespace's host is used.
/// </summary>
public sealed class LogOptions
{
    public const string Section = "log";

    [RegularExpression(@"^[^\s+]+$", ErrorMessage = "log:origin (FOREWARN_LOG__ORIGIN) names the log in its checkpoints: no spaces and no '+', e.g. psirt.example.com/forewarn/log.")]
    public string? Origin { get; set; }
}
