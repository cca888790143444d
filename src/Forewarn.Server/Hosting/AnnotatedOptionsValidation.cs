using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Hosting;

/// <summary>
/// Checks an options class's data annotations and fails with their own messages — each written as
/// a sentence naming the setting and its environment variable — rather than the framework's
/// "DataAnnotation validation failed for … members" wrapping.
/// </summary>
internal sealed class AnnotatedOptionsValidation<TOptions> : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? $"{string.Join(", ", r.MemberNames)} is not valid."));
    }
}
