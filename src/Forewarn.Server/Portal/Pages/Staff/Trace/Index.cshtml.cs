using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Portal.Accounts;
using Forewarn.Server.Tracing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Staff.Trace;

/// <summary>
/// Trace a leaked file: paste the text or upload the file found outside the programme, and see the
/// verdict <c>POST /api/v1/trace</c> gives — the same <see cref="TraceService"/>, logged as
/// <c>trace.run</c> naming the portal user who asked.
/// </summary>
[Authorize(Policy = AccessPolicies.PortalStaffRead)]
public sealed class IndexModel(TraceService tracing) : PageModel
{
    /// <summary>The largest leak the page takes, as the API's ordinary request limit.</summary>
    public const int MaxBytes = 256 * 1024;

    public sealed class Form
    {
        [Display(Name = "Leaked text")]
        public string? Text { get; set; }

        [Display(Name = "Or the leaked file (text)")]
        public IFormFile? File { get; set; }

        [Display(Name = "Artifact id (optional: only this artifact)")]
        public string? Artifact { get; set; }

        [Display(Name = "Advisory (optional: id or reference; found from the text when both are empty)")]
        public string? Advisory { get; set; }

        [Display(Name = "ε, the bound on naming anyone innocent")]
        public string Epsilon { get; set; } = "1e-6";
    }

    [BindProperty] public Form Input { get; set; } = new();
    public TraceDto? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var leaked = await LeakAsync(ct);
        double? epsilon = null;
        if (!string.IsNullOrWhiteSpace(Input.Epsilon))
        {
            if (double.TryParse(Input.Epsilon, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)) epsilon = e;
            else ModelState.AddModelError("Input.Epsilon", $"'{Input.Epsilon}' is not a number; give one strictly between 0 and 1, for example 1e-6.");
        }
        if (leaked is null || !ModelState.IsValid) return Page();
        try
        {
            Result = await tracing.TraceAsync(new TraceRequest(Input.Artifact, leaked, epsilon, Input.Advisory), PortalPrincipal.ActorOf(User), ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(Field(e.Code), e.Message);
        }
        return Page();
    }

    /// <summary>Which field a refusal is about, so the sentence appears beside it.</summary>
    private string Field(string code) => code switch
    {
        "invalid-epsilon" => "Input.Epsilon",
        "empty-leak" => "Input.Text",
        "artifact-or-advisory" => "Input.Advisory",
        "not-found" when !string.IsNullOrWhiteSpace(Input.Advisory) => "Input.Advisory",
        _ when code.Contains("artifact", StringComparison.Ordinal) || code == "not-found" => "Input.Artifact",
        _ => "",
    };

    private async Task<string?> LeakAsync(CancellationToken ct)
    {
        if (Input.File is { Length: > 0 } file)
        {
            if (file.Length > MaxBytes)
            {
                ModelState.AddModelError("Input.File", $"The file is {file.Length:N0} bytes; the trace takes at most {MaxBytes / 1024} KB of text.");
                return null;
            }
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError("Input.File", "The file is not UTF-8 text; fingerprints are read from text (prose or code). Save it as text first.");
                return null;
            }
        }
        if (string.IsNullOrWhiteSpace(Input.Text))
        {
            ModelState.AddModelError("Input.Text", "Paste the leaked text or choose the leaked file.");
            return null;
        }
        if (Encoding.UTF8.GetByteCount(Input.Text) > MaxBytes)
        {
            ModelState.AddModelError("Input.Text", $"That is more than {MaxBytes / 1024} KB; the trace takes at most that much text.");
            return null;
        }
        return Input.Text;
    }

    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}
