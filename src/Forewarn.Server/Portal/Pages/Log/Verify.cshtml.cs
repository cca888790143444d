using System.ComponentModel.DataAnnotations;
using System.Text;
using Forewarn.Server.Transparency;
using Forewarn.Transparency;
using Forewarn.Transparency.Notes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Forewarn.Server.Portal.Pages.Log;

/// <summary>
/// Checks a receipt — pasted or uploaded — the way <c>forewarn log verify-receipt</c> does offline:
/// its entry hashes to the leaf, the inclusion proof leads to the checkpoint's root, and the
/// checkpoint carries a valid signature by one of the log's published keys (current or retired).
/// Any signed-in person may check one: the check is public mathematics over public keys.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class VerifyModel(LogKey key) : PageModel
{
    /// <summary>A receipt is a few kilobytes; anything much larger is not one.</summary>
    public const int MaxBytes = 256 * 1024;

    public sealed class Form
    {
        [Display(Name = "Receipt (JSON)")]
        public string? Text { get; set; }

        [Display(Name = "Or a receipt file")]
        public IFormFile? File { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public Verdict? Result { get; private set; }
    public long? Index { get; private set; }
    public string? Kind { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = await ReadAsync(ct);
        if (text is null) return Page();
        Receipt receipt;
        try
        {
            receipt = Receipt.Parse(text);
        }
        catch (FormatException e)
        {
            ModelState.AddModelError("Input.Text", $"This is not a log receipt: {e.Message}");
            return Page();
        }
        Index = receipt.Index;
        Kind = System.Text.Json.Nodes.JsonNode.Parse(receipt.Entry)?["kind"]?.GetValue<string>();
        var keys = (await key.VerifierKeysAsync(ct)).Select(NoteKey.FromVerifierKey).ToList();
        // Checked against each key the log has signed with: a receipt from before a rotation still holds.
        var verdicts = keys.Select(k => LogVerifier.Receipt(receipt, k)).ToList();
        Result = verdicts.FirstOrDefault(v => v.Holds) ?? verdicts[0];
        return Page();
    }

    private async Task<string?> ReadAsync(CancellationToken ct)
    {
        if (Input.File is { Length: > 0 } file)
        {
            if (file.Length > MaxBytes)
            {
                ModelState.AddModelError("Input.File", $"The file is {file.Length:N0} bytes; a receipt is at most {MaxBytes / 1024} KB.");
                return null;
            }
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            return await reader.ReadToEndAsync(ct);
        }
        if (string.IsNullOrWhiteSpace(Input.Text))
        {
            ModelState.AddModelError("Input.Text", "Paste a receipt or choose a receipt file.");
            return null;
        }
        if (Encoding.UTF8.GetByteCount(Input.Text) > MaxBytes)
        {
            ModelState.AddModelError("Input.Text", $"That is more than {MaxBytes / 1024} KB; a receipt is smaller.");
            return null;
        }
        return Input.Text;
    }
}
