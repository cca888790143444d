using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Forewarn.Server.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core's own, plus Forewarn's decisions. Exported over
/// OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise collected for in-process
/// listeners (dotnet-counters, tests) and dropped.
/// </summary>
public static class Telemetry
{
    public const string Name = "Forewarn";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>Content decisions by verdict (allowed, not-yet, denied) and channel.</summary>
    public static readonly Counter<long> Decisions =
        Meter.CreateCounter<long>("forewarn.content.decisions", "{decision}", "Decisions to serve or deny artifact content");

    /// <summary>Bytes of artifact content served to partners.</summary>
    public static readonly Counter<long> ServedBytes =
        Meter.CreateCounter<long>("forewarn.content.served", "By", "Artifact content bytes served to partners");

    public static readonly Counter<long> Releases =
        Meter.CreateCounter<long>("forewarn.csaf.publications", "{document}", "Public CSAF document versions published");

    /// <summary>Entries appended to the transparency log.</summary>
    public static readonly Counter<long> LogAppends =
        Meter.CreateCounter<long>("forewarn.log.appends", "{entry}", "Entries appended to the transparency log");

    /// <summary>Entries per committed log batch (group commit).</summary>
    public static readonly Histogram<long> LogBatch =
        Meter.CreateHistogram<long>("forewarn.log.batch", "{entry}", "Entries committed together in one transaction");

    /// <summary>
    /// Refused credentials by reason (malformed, not-a-key, unknown-key, wrong-secret, revoked,
    /// expired). Failures against prefixes no key has are only counted here; those against real
    /// keys are also summed into <c>auth.failures</c> log entries.
    /// </summary>
    public static readonly Counter<long> AuthFailures =
        Meter.CreateCounter<long>("forewarn.auth.failures", "{request}", "Requests whose credentials were refused");

    public static void Add(IServiceCollection services, IConfiguration config)
    {
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("forewarn-server"))
            .WithTracing(t =>
            {
                t.AddSource(Name).AddAspNetCoreInstrumentation();
                if (otlp) t.AddOtlpExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Name).AddAspNetCoreInstrumentation();
                if (otlp) m.AddOtlpExporter();
            });
    }
}
