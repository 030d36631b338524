using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AgentDeck.Benchmarks;

/// <summary>
/// In-process (building a separate benchmark exe times out on a loaded 2-core box) with a timeout long enough for
/// iterations that each ingest a million lines: one warm-up, three measured iterations, one invocation each.
/// </summary>
public sealed class LongInProcessConfig : ManualConfig
{
    public LongInProcessConfig()
    {
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false))
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("LongInProcess"));
    }
}
