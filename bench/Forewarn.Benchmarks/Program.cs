using BenchmarkDotNet.Running;
using Forewarn.Benchmarks.Http;

// `policy [BenchmarkDotNet options]` runs the BenchmarkDotNet benchmarks (policy, CSAF validation); `http [options]`
// the load driver; `release [options]` the end-to-end release driver; `tracing [options]` the fingerprinting code's targets.
var mode = args.Length > 0 ? args[0].ToLowerInvariant() : "";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "policy":
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.Length > 0 ? rest : ["--filter", "*"]);
        return 0;
    case "csaf":
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(["--filter", "*Csaf*", .. rest]);
        return 0;
    case "http":
        return await LoadDriver.RunAsync(rest);
    case "fanout":
        return await Forewarn.Benchmarks.FanOut.FanOutDriver.RunAsync(rest);
    case "release":
        return await Forewarn.Benchmarks.Release.ReleaseDriver.RunAsync(rest);
    case "taxii":
        return await Forewarn.Benchmarks.Taxii.TaxiiDriver.RunAsync(rest);
    case "collusion":
        return Forewarn.Benchmarks.Tracing.Collusion.CollusionDriver.Run(rest);
    case "tracing":
        return Forewarn.Benchmarks.Tracing.TracingDriver.Run(rest);
    case "merkle":
        return Forewarn.Benchmarks.Transparency.MerkleDriver.Run(rest);
    case "serve":
        return await Forewarn.Benchmarks.Serving.ServeDriver.RunAsync(rest);
    case "copy-cost":
        return Forewarn.Benchmarks.Serving.CopyCostDriver.Run(rest);
    case "pool":
        return await Forewarn.Benchmarks.Pool.PoolDriver.RunAsync(rest);
    case "exposure":
        return await Forewarn.Benchmarks.Exposure.ExposureDriver.RunAsync(rest);
    case "suspicion":
        return Forewarn.Benchmarks.Investigations.SuspicionDriver.Run(rest);
    case "portal":
        return await Forewarn.Benchmarks.Portal.PortalDriver.RunAsync(rest);
    case "log":
        return await Forewarn.Benchmarks.Transparency.LogDriver.RunAsync(rest);
    default:
        Console.Error.WriteLine("""
            Usage:
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- policy [BenchmarkDotNet options]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- http [--seconds 20] [--connections 32] [--warmup 10]
                  [--rounds 2] [--partner NAME] [--store sqlite|postgres|both] [--also PATH,PATH] [--markdown FILE] [--no-build]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- release [--advisories 1000] [--lead 60]
                  [--store sqlite|postgres|both] [--markdown FILE] [--no-build]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- fanout [--partners 10000] [--lead 20] [--markdown FILE] [--no-build]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- taxii [--objects 10000] [--pagers 1,8] [--seconds 15] [--warmup 10]
                  [--limit 100] [--seed-concurrency 8] [--store sqlite|postgres|both] [--markdown FILE] [--no-build]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- serve [--kb 100 | --demo] [--partners 60] [--seconds 10] [--concurrency 4]
                  [--block 20] [--warm-up-partners 20]
                  [--store sqlite|postgres|both] [--markdown FILE] [--no-build]
              FOREWARN_DATABASE=… dotnet run -c Release --project bench/Forewarn.Benchmarks -- pool [--seconds 8] [--downloads 200] [--servers 2]
                  [--low 16] [--high 200] [--warmup 3] [--server-arg --name=value] [--markdown FILE] [--no-build]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- csaf [BenchmarkDotNet options]   (CSAF validation)
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- tracing [--trials 10000] [--collusion-trials 1000]
                  [--curve-trials 300] [--runs 9] [--only a,b,curve,beyond,c] [--markdown FILE]   (fingerprinting code)
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- collusion [--trials 200] [--poc-trials 30] [--single-trials 20]
                  [--recipients 300] [--only prose2,prose3,poc2,mixed2,normalised,rewritten,repicked,unparse,black] [--markdown FILE]   (the demo advisory's marks vs leakers)
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- copy-cost [--recipients 300]   (a first copy's cost in the library, no server)
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- merkle [--entries 10000000] [--queries 2000]   (Merkle proofs, no store)
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- log appends [--postgres|--both] [--producers 64,256,1024] [--seconds 10]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- log proofs [--postgres] [--entries 10000000] [--queries 2000]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- log serve [--postgres|--both] [--concurrency 16,64] [--seconds 5] [--rounds 3]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- exposure [--partners 10000] [--entries 1000000] [--rounds 3]
                  [--store sqlite|postgres|both] [--markdown FILE]
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- suspicion [--incidents 1000] [--partners 10000] [--runs 5]
                  [--sizes 1,5,20,100,500,2000] [--trials 20] [--markdown FILE]   (suspicion across incidents, no store)
              dotnet run -c Release --project bench/Forewarn.Benchmarks -- portal [--seconds 20] [--connections 32] [--warmup 10]
                  [--rounds 2] [--store sqlite|postgres|both] [--markdown FILE] [--no-build]   (inbox page vs /ping, page weights)
            See docs/benchmarks.md.
            """);
        return 2;
}
