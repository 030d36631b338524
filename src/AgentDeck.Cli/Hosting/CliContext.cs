using AgentDeck.Agents;
using AgentDeck.Core;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Cli.Hosting;

/// <summary>What every verb's handler may use: the console, parsers, and the ledger opened on first use.</summary>
public sealed class CliContext(CliConsole console) : IAsyncDisposable
{
    public CliConsole Console { get; } = console;

    public IAgentStreamParser CreateParser(AgentKind agent, ParserBaseline? baseline) => AgentParsers.Create(agent, baseline);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
