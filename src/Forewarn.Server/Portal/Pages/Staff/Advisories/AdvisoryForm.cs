using System.ComponentModel.DataAnnotations;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// The advisory form: the fields <c>POST /api/v1/advisories</c> and <c>PATCH …/{id}</c> take, as a
/// person types them (CVE ids and products one a line). The rules are the service's and the
/// domain's; only "is something there" is checked here, to say it beside the field.
/// </summary>
public sealed class AdvisoryForm
{
    [Display(Name = "Reference (such as FW-2026-0001)")]
    public string? Reference { get; set; }

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Summary and details")]
    public string? Summary { get; set; }

    [Display(Name = "CVE ids (one a line)")]
    public string? CveIds { get; set; }

    [Display(Name = "Affected products (one a line)")]
    public string? Products { get; set; }

    [Display(Name = "CVSS v3.1 or v4.0 vector")]
    public string? CvssVector { get; set; }

    [Display(Name = "Coordinated release time (UTC)")]
    [DataType(DataType.DateTime)]
    public DateTime? ReleaseAt { get; set; }

    [Display(Name = "What changed (kept in the advisory's revisions)")]
    public string? Change { get; set; }

    /// <summary>The revision the form was read at: a save from an older one is refused, as the store refuses it to the API.</summary>
    public Guid Revision { get; set; }

    public NewAdvisory AsNew() => new(Reference, Title, Summary, Lines(CveIds), Lines(Products), CvssVector,
        ReleaseAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);

    /// <summary>A PATCH of every field; an emptied vector field removes the score, as an empty string does in the API.</summary>
    public AdvisoryChanges AsChanges() => new(Title, Summary, Lines(CveIds), Lines(Products), CvssVector ?? "", Change);

    public static AdvisoryForm Of(AdvisoryDto a, Guid revision) => new()
    {
        Reference = a.Reference, Title = a.Title, Summary = a.Summary, CveIds = string.Join('\n', a.CveIds),
        Products = string.Join('\n', a.Products), CvssVector = a.CvssVector, ReleaseAt = a.ReleaseAt.UtcDateTime, Revision = revision,
    };

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The field of the form a refusal of the service concerns, by its stable code or the field its sentence names.</summary>
    public static string? FieldOf(DomainException e) => e switch
    {
        InvalidFieldException { Field: "title" } => "Input.Title",
        InvalidFieldException { Field: "summary" } => "Input.Summary",
        InvalidFieldException { Field: "summary of the change" } => "Input.Change",
        InvalidFieldException f when f.Field.StartsWith("product", StringComparison.Ordinal) => "Input.Products",
        _ => e.Code switch
        {
            "invalid-reference" or "duplicate" => "Input.Reference",
            "invalid-cve-id" => "Input.CveIds",
            "invalid-product" => "Input.Products",
            "invalid-cvss-vector" => "Input.CvssVector",
            "invalid-field" when e.Message.Contains("releaseAt", StringComparison.Ordinal) => "Input.ReleaseAt",
            _ => null,
        },
    };
}
