using AgentDeck.MockModel.Conversations;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Wire;

/// <summary>Everything a responder needs to render one planned step for one request.</summary>
internal sealed record ReplyContext(int Sequence, string Scenario, int StepIndex, ScenarioStep Step, Conversation Conversation, WorkspacePaths Paths)
{
    public string Model => Conversation.Model ?? "mock-model";
}
