using Microsoft.AspNetCore.Mvc;

namespace Forewarn.Server.Portal;

/// <summary>An API answer (an <see cref="IResult"/>, such as a served copy) given from a page handler, so both serve through the same code.</summary>
public sealed class PortalResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
