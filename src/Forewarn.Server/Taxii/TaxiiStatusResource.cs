using System.Text.Json.Nodes;
using Forewarn.Domain.Sightings;

namespace Forewarn.Server.Taxii;

/// <summary>
/// A submission as a TAXII 2.1 status resource. Objects are settled while the request runs, so
/// the status is always "complete" and nothing is pending. Empty lists are left out, as the
/// envelope leaves out an empty objects list; the counts are always there.
/// </summary>
public static class TaxiiStatusResource
{
    public static JsonObject Of(SightingSubmission s)
    {
        var status = new JsonObject
        {
            ["id"] = s.Id.ToString(),
            ["status"] = "complete",
            ["request_timestamp"] = TaxiiTime.Format(s.RequestedAt),
            ["total_count"] = s.TotalCount,
            ["success_count"] = s.Successes.Count,
        };
        if (s.Successes.Count > 0) status["successes"] = Details(s.Successes);
        status["failure_count"] = s.Failures.Count;
        if (s.Failures.Count > 0) status["failures"] = Details(s.Failures);
        status["pending_count"] = 0;
        return status;
    }

    private static JsonArray Details(IEnumerable<SubmissionOutcome> outcomes) => new([.. outcomes.Select(o =>
    {
        var d = new JsonObject { ["id"] = o.Id, ["version"] = o.Version };
        if (o.Message is not null) d["message"] = o.Message;
        return (JsonNode)d;
    })]);
}
