namespace AgentDeck.MockModel.Scenarios;

/// <summary>One piece of a model reply. Strings may hold the <c>{{workspace}}</c> placeholder.</summary>
public abstract record ScenarioBlock
{
    public abstract bool IsToolCall { get; }
}
