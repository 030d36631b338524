using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision.Escalation;

/// <summary>
/// Creates a run in the ledger and starts its supervised worker, the way <c>agentdeck run</c> does;
/// <paramref name="launchFor"/> gets the new run's id before the worker starts.
/// </summary>
public delegate RunRecord ChildRunStarter(NewRun run, Func<string, WorkerLaunch> launchFor);
