using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;

namespace Forewarn.Server.Portal.Pages.Staff.Advisories;

/// <summary>
/// The CSAF details form: what <c>PUT /api/v1/advisories/{id}/details</c> takes, as rows a person
/// fills in. Each list shows its existing rows and a few empty ones (no script adds rows); a row left
/// empty is no row. The rules are the domain's: <see cref="ProblemsByRow"/> runs each row through the
/// same constructors the service runs, only to say which row a problem is in.
/// </summary>
public sealed class DetailsForm
{
    /// <summary>Empty rows offered after the existing ones.</summary>
    public const int Spare = 2;

    [Display(Name = "Sharing label (TLP 2.0)")]
    public string? Tlp { get; set; }

    public List<NoteRow> Notes { get; set; } = [];
    public List<ReferenceRow> References { get; set; } = [];
    public List<ProductRow> Products { get; set; } = [];
    public List<VulnerabilityRow> Vulnerabilities { get; set; } = [];

    [Display(Name = "What changed (kept in the advisory's revisions)")]
    public string? Change { get; set; }

    /// <summary>The revision the form was read at: a save from an older one is refused, as the store refuses it to the API.</summary>
    public Guid Revision { get; set; }

    public static readonly IReadOnlyList<string> TlpLabels = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"];

    public sealed class NoteRow
    {
        public string? Category { get; set; }
        public string? Title { get; set; }
        public string? Text { get; set; }
        public bool IsEmpty => Blank(Category, Title, Text);
        public AdvisoryNote AsNote() => new(Category?.Trim() ?? "", Title, Text ?? "");
        public static NoteRow Of(AdvisoryNote n) => new() { Category = n.Category, Title = n.Title, Text = n.Text };
    }

    public sealed class ReferenceRow
    {
        public string? Url { get; set; }
        public string? Summary { get; set; }
        public string? Category { get; set; }
        // A category alone is what an empty row shows (its select's first choice): still an empty row.
        public bool IsEmpty => Blank(Url, Summary);
        public AdvisoryReference AsReference() => new(Url ?? "", Summary ?? "", Category ?? "");
        public static ReferenceRow Of(AdvisoryReference r) => new() { Url = r.Url, Summary = r.Summary, Category = r.Category };
    }

    public sealed class ProductRow
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Cpe { get; set; }
        public string? Purl { get; set; }
        public bool IsEmpty => Blank(Id, Name, Cpe, Purl);
        public Product AsProduct() => new(Id ?? "", Name ?? "", Cpe, Purl);
        public static ProductRow Of(Product p) => new() { Id = p.Id, Name = p.Name, Cpe = p.Cpe, Purl = p.Purl };
    }

    /// <summary>Products (by id, separated by spaces or commas) with something about them: a status, a score, a remediation.</summary>
    public sealed class ProductsRow
    {
        /// <summary>The status, the CVSS vector, or the remediation's category.</summary>
        public string? Value { get; set; }
        public string? ProductIds { get; set; }
        public string? Details { get; set; }
        public string? Url { get; set; }
        /// <summary>A remediation's date, kept as read (the form does not edit it).</summary>
        public string? Date { get; set; }
        public bool IsEmpty => Blank(Value, ProductIds, Details, Url);
        public List<string> Ids() => [.. (ProductIds ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)];
    }

    public sealed class VulnerabilityRow
    {
        public string? Cve { get; set; }
        public string? Title { get; set; }
        public string? CweId { get; set; }
        public string? CweName { get; set; }
        public List<NoteRow> Notes { get; set; } = [];
        public List<ProductsRow> Statuses { get; set; } = [];
        public List<ProductsRow> Scores { get; set; } = [];
        public List<ProductsRow> Remediations { get; set; } = [];
        /// <summary>Dates the API may have set, kept as read (round-trip text).</summary>
        public string? DiscoveryDate { get; set; }
        public string? ReleaseDate { get; set; }

        public bool IsEmpty => Blank(Cve, Title, CweId, CweName) && Notes.All(n => n.IsEmpty) && Statuses.All(s => s.IsEmpty)
                               && Scores.All(s => s.IsEmpty) && Remediations.All(r => r.IsEmpty);

        public Vulnerability AsVulnerability() => new(Empty(Cve), Empty(Title), Empty(CweId), Empty(CweName),
            [.. Notes.Where(n => !n.IsEmpty).Select(n => n.AsNote())],
            [.. Statuses.Where(s => !s.IsEmpty).Select(s => new ProductStatus(s.Value?.Trim() ?? "", s.Ids()))],
            [.. Scores.Where(s => !s.IsEmpty).Select(s => new VulnerabilityScore(s.Value?.Trim() ?? "", s.Ids()))],
            [.. Remediations.Where(r => !r.IsEmpty).Select(r => new Remediation(r.Value?.Trim() ?? "", r.Details ?? "", Empty(r.Url), r.Ids(), When(r.Date)))],
            When(DiscoveryDate), When(ReleaseDate));

        public static VulnerabilityRow Of(Vulnerability v) => new()
        {
            Cve = v.Cve, Title = v.Title, CweId = v.CweId, CweName = v.CweName,
            Notes = [.. v.Notes.Select(NoteRow.Of)],
            Statuses = [.. v.ProductStatuses.Select(s => new ProductsRow { Value = s.Status, ProductIds = string.Join(' ', s.ProductIds) })],
            Scores = [.. v.Scores.Select(s => new ProductsRow { Value = s.Vector, ProductIds = string.Join(' ', s.ProductIds) })],
            Remediations = [.. v.Remediations.Select(r => new ProductsRow
            {
                Value = r.Category, Details = r.Details, Url = r.Url, ProductIds = string.Join(' ', r.ProductIds), Date = Text(r.Date),
            })],
            DiscoveryDate = Text(v.DiscoveryDate), ReleaseDate = Text(v.ReleaseDate),
        };

        /// <summary>Adds the empty rows a person may fill in.</summary>
        public VulnerabilityRow WithSpares()
        {
            Notes.Add(new NoteRow());
            Statuses.AddRange([new ProductsRow(), new ProductsRow()]);
            Scores.Add(new ProductsRow());
            Remediations.Add(new ProductsRow());
            return this;
        }
    }

    public static DetailsForm Of(AdvisoryDetails d, Guid revision) => new DetailsForm
    {
        Tlp = d.Tlp.Name(),
        Notes = [.. d.Notes.Select(NoteRow.Of)],
        References = [.. d.References.Select(ReferenceRow.Of)],
        Products = [.. d.Products.Select(ProductRow.Of)],
        Vulnerabilities = [.. d.Vulnerabilities.Select(VulnerabilityRow.Of)],
        Revision = revision,
    }.WithSpares();

    /// <summary>Makes sure every list ends with empty rows to fill in (after a refused post too).</summary>
    public DetailsForm WithSpares()
    {
        for (var i = 0; i < Spare; i++)
        {
            Notes.Add(new NoteRow());
            References.Add(new ReferenceRow());
            Products.Add(new ProductRow());
        }
        Vulnerabilities.Add(new VulnerabilityRow());
        foreach (var v in Vulnerabilities) v.WithSpares();
        return this;
    }

    /// <summary>The request body of <c>PUT …/details</c>: the rows that are not empty.</summary>
    public DetailsChange AsChange() => new(new AdvisoryDetailsDto(Tlp,
        [.. Notes.Where(n => !n.IsEmpty).Select(n => n.AsNote())],
        [.. References.Where(r => !r.IsEmpty).Select(r => r.AsReference())],
        [.. Products.Where(p => !p.IsEmpty).Select(p => p.AsProduct())],
        [.. Vulnerabilities.Where(v => !v.IsEmpty).Select(v => v.AsVulnerability())]), Change);

    /// <summary>
    /// Each filled row checked by the domain's own constructors, so a problem can be said beside its row:
    /// (the field's key, the sentence). The service checks the whole again, and what spans rows (a product id
    /// defined twice) comes from it.
    /// </summary>
    public IEnumerable<(string Key, string Problem)> ProblemsByRow()
    {
        for (var i = 0; i < Notes.Count; i++)
        {
            if (Notes[i].IsEmpty) continue;
            if (Try(() => AdvisoryNote.Of(Notes[i].Category, Notes[i].Title, Notes[i].Text)) is { } p) yield return ($"Input.Notes[{i}]", p);
        }
        for (var i = 0; i < References.Count; i++)
        {
            if (References[i].IsEmpty) continue;
            var r = References[i];
            if (Try(() => AdvisoryReference.Of(r.Url, r.Summary, r.Category)) is { } p) yield return ($"Input.References[{i}]", p);
        }
        var products = new List<Product>();
        var productsOk = true;
        for (var i = 0; i < Products.Count; i++)
        {
            if (Products[i].IsEmpty) continue;
            var row = Products[i];
            if (Try(() => products.Add(Product.Of(row.Id, row.Name, row.Cpe, row.Purl))) is { } p)
            {
                productsOk = false;
                yield return ($"Input.Products[{i}]", p);
            }
        }
        if (!productsOk) yield break; // a vulnerability's product ids are checked against products that are all well made
        for (var i = 0; i < Vulnerabilities.Count; i++)
        {
            if (Vulnerabilities[i].IsEmpty) continue;
            var v = Vulnerabilities[i].AsVulnerability();
            if (Try(() => new AdvisoryDetails(TlpLabel.Amber, [], [], products, [v]).Checked()) is { } p) yield return ($"Input.Vulnerabilities[{i}]", p);
        }
    }

    /// <summary>The part of the form a refusal of the service concerns, by its stable code or the field its sentence names.</summary>
    public static string? FieldOf(DomainException e) => e switch
    {
        InvalidFieldException { Field: "summary of the change" } => "Input.Change",
        _ => e.Code switch
        {
            "unknown-tlp-label" => "Input.Tlp",
            "invalid-note" => "Input.Notes",
            "invalid-reference-link" => "Input.References",
            "invalid-product" => "Input.Products",
            "invalid-vulnerability" or "invalid-cve-id" or "invalid-cvss-vector" => "Input.Vulnerabilities",
            _ => null,
        },
    };

    private static string? Try(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    private static string? Text(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? When(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
