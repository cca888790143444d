namespace Forewarn.Domain.Common;

internal static class Text
{
    /// <summary>Trims a required text field and refuses it when empty or longer than <paramref name="max"/>.</summary>
    public static string Required(string? value, string field, int max = 200)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v))
            throw new DomainException("invalid-field", $"The {field} must not be empty.");
        if (v.Length > max)
            throw new DomainException("invalid-field", $"The {field} must be at most {max} characters long.");
        return v;
    }

    public static string Optional(string? value, string field, int max = 4000)
    {
        var v = value?.Trim() ?? "";
        if (v.Length > max)
            throw new DomainException("invalid-field", $"The {field} must be at most {max} characters long.");
        return v;
    }
}
