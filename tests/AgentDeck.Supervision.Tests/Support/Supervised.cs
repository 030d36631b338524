using AgentDeck.Core.Processes;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests.Support;

/// <summary>Builds a supervisor over a fake agent "agent --json" with a pipe stdin.</summary>
internal static class Supervised
{
    public static readonly ProcessSpec AgentSpec = ProcessSpec.For("agent", "--json") with { Stdin = StdinMode.Pipe };

    public static ExpectedProcessCall ExpectAgent(this FakeProcessRunner runner) => runner.Expect("agent", "--json");

    public static WorkerSupervisor Create(TempState state, FakeProcessRunner runner, string runId, SupervisorOptions? options = null, FakeDriver? driver = null) =>
        new(state.Ledger, state.Paths, runner, driver ?? new FakeDriver(AgentSpec), new WordParser(), runId,
            (options ?? new SupervisorOptions()) with { StopGrace = TimeSpan.FromMilliseconds(100), PollInterval = TimeSpan.FromMilliseconds(50) });
}
