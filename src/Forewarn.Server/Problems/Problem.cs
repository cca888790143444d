using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Problems;

/// <summary>Builds problem-details results for endpoints that answer a refusal themselves.</summary>
public static class Problem
{
    public static ProblemHttpResult Of(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
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

    /// <summary>A refusal as the answer of an endpoint that answers it itself (the same mapping as a thrown one).</summary>
    public static ProblemHttpResult From(Forewarn.Domain.Common.DomainException e) => Of(ProblemTypes.StatusOf(e.Category), e.Code, e.Message);

    public static ProblemHttpResult NotFound(string what, string id) =>
        Of(StatusCodes.Status404NotFound, "not-found", $"No {what} with id '{id}' exists.");
}
