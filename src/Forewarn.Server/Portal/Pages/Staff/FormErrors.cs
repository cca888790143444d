using Forewarn.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Forewarn.Server.Portal.Pages.Staff;

/// <summary>
/// A service's refusal shown on the form that asked: beside the field it names (an invalid field by the
/// field's name, other refusals by their code), else in the form's summary — never a 500.
/// </summary>
public static class FormErrors
{
    /// <summary>The sentence a stale form gets: the store refused it by the revision it was read with (the API's 409).</summary>
    public const string Stale = "Someone changed this while you were editing it, so nothing was saved. Look at the page as it is now and make your change again.";

    public static void Show(ModelStateDictionary state, DomainException e, IReadOnlyDictionary<string, string> fields)
    {
        var key = e is InvalidFieldException f && fields.TryGetValue(f.Field, out var byField) ? byField
            : fields.TryGetValue(e.Code, out var byCode) ? byCode
            : string.Empty;
        state.AddModelError(key, e.Message);
    }
}
