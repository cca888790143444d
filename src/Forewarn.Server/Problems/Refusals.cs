using Forewarn.Domain.Common;

namespace Forewarn.Server.Problems;

/// <summary>
/// Declares the refusals an endpoint can answer, so the OpenAPI document lists each as a problem
/// response with its status — the same mapping <see cref="ErrorHandling"/> answers them with.
/// </summary>
public static class Refusals
{
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, params ErrorCategory[] categories)
    {
        foreach (var status in categories.Select(ProblemTypes.StatusOf).Distinct())
            endpoint.ProducesProblem(status);
        return endpoint;
    }
}
