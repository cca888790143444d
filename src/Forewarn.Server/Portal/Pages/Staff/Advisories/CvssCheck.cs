using Forewarn.Domain.Common;
using Forewarn.Domain.Cvss;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// The score of the vector in the form, computed on the server by the domain's CVSS code (the one
/// an advisory's score comes from), or why the vector is not one. Shown beside the field.
/// </summary>
public sealed record CvssCheck(CvssScore? Score, string? Problem)
{
    /// <summary>Null for an empty field: nothing to score.</summary>
    public static CvssCheck? Of(string? vector)
    {
        if (string.IsNullOrWhiteSpace(vector)) return null;
        try
        {
            return new(CvssVectors.Score(vector), null);
        }
        catch (DomainException e)
        {
            return new(null, e.Message);
        }
    }

    public string Sentence => Score is { } s
        ? $"Base score {s.BaseScore.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} ({s.Severity}), CVSS {s.Version}."
        : Problem ?? "";
}
