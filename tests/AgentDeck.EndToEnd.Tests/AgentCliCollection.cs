namespace AgentDeck.EndToEnd.Tests;

/// <summary>All end-to-end tests share one install and one mock server, and run one at a time (the box has 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class AgentCliCollection : ICollectionFixture<AgentCliFixture>
{
    public const string Name = "agent CLIs";
}
