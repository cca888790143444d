using System.ComponentModel.DataAnnotations;

namespace Forewarn.Server.Review;

/// <summary>
/// Section <c>review</c>: how far ahead a partner is warned that its contract (NDA) expires
/// (e.g. <c>FOREWARN_REVIEW__CONTRACTWARNINGDAYS=14</c>). On expiry the partner is suspended.
/// </summary>
public sealed class ReviewOptions
{
    public const string Section = "review";

    [Range(1, 365, ErrorMessage = "review:contractWarningDays (FOREWARN_REVIEW__CONTRACTWARNINGDAYS) is how many days before its contract expires a partner is warned: from 1 to 365.")]
    public int ContractWarningDays { get; set; } = 30;
}
