namespace AgentDeck.Discovery.Bench;

/// <summary>A bench task file that cannot be used; the message names the file, line and column of the first problem.</summary>
public sealed class BenchTaskFileException(DiscoveryWarning problem) : Exception(problem.ToString())
{
    public DiscoveryWarning Problem { get; } = problem;
}
