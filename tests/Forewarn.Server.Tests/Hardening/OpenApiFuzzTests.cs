using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Forewarn.Server.Tests.Hardening.Fuzzing;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Taxii;
using Xunit.Abstractions;

namespace Forewarn.Server.Tests.Hardening;

/// <summary>
/// Every operation of the OpenAPI document gets malformed bodies, paths and queries (generated
/// from its own schema, seeded, a bounded number per operation): no 5xx, a problem for each
/// refusal, and a refusal changes no domain table. A new endpoint is fuzzed without a line here.
/// The large run is in bench/ (<c>fuzz</c>); docs/security.md says what is generated.
/// </summary>
public sealed class OpenApiFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261213;
    private static readonly int CasesPerOperation = int.TryParse(Environment.GetEnvironmentVariable("FOREWARN_FUZZ_CASES"), out var n) ? n : 12;

    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync()
    {
        _f.UseKestrel(0); // real HTTP: Kestrel's own refusals are part of what a client meets
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Malformed_requests_to_every_operation_are_refused_with_a_problem_and_change_nothing()
    {
        var staff = _f.Staff();
        var document = JsonNode.Parse(await staff.GetStringAsync("/openapi/v1.json"))!;
        var operations = ApiOperation.From(document);
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the document");
        var known = await KnownValues.ForAsync(_f);
        var check = new RefusalCheck(staff, _f.Partner(DemoFacts.Trusted), _f.Partner(DemoFacts.Trusted).AcceptingTaxii(),
            () => _f.InStoreAsync(StoreSnapshot.TakeAsync));

        var failures = new List<string>();
        var cases = 0;
        for (var i = 0; i < operations.Count; i++)
        {
            foreach (var c in Gen.Sample(MalformedRequests.For(operations[i], known.Of), CasesPerOperation, new Rnd((ulong)(Seed + i)), 30))
            {
                failures.AddRange(await check.CheckAsync(c));
                cases++;
            }
        }

        output.WriteLine($"Refused by Kestrel before the server's code: {check.RefusedByKestrel.Count}");
        output.WriteLine($"{cases} cases over {operations.Count} operations; answers: {string.Join(", ", check.Statuses.Select(s => $"{s.Key} × {s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases broke the property:\n{string.Join("\n", failures.Take(60))}");
        Assert.DoesNotContain(check.Statuses.Keys, s => s >= 500);
        Assert.Contains(check.Statuses.Keys, s => s == (int)HttpStatusCode.BadRequest);
    }
}
