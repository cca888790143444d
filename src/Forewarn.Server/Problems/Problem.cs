using Forewarn.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Problems;

/// <summary>Builds problem-details results for endpoints that answer a refusal themselves.</summary>
public static class Problem
{
    /// <summary>A refusal of a category, with the status <see cref="ProblemTypes.StatusOf"/> maps it to (the one mapping).</summary>
    public static ProblemHttpResult Of(ErrorCategory category, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var status = ProblemTypes.StatusOf(category);
        var p = new ProblemDetails
        {
            Status = status,
            Type = ProblemTypes.For(code),
            Title = ProblemTypes.TitleOf(code),
            Detail = detail,
        };
        if (extensions is not null)
            foreach (var (k, v) in extensions) p.Extensions[k] = v;
        return TypedResults.Problem(p);
    }

    public static ProblemHttpResult NotFound(string what, string id) =>
        Of(ErrorCategory.NotFound, "not-found", $"No {what} with id '{id}' exists.");
}
