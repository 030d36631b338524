using AgentDeck.MockModel.Conversations;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Planning;

/// <summary>
/// Picks the scenario and step for a request from the conversation alone: a reply step counts as answered
/// when one of its tool results came back (or, for a text-only step, when its text is already in the
/// conversation); the next step is played. Error and cut steps with "times" fail that many times per
/// conversation, then the scenario goes on. A scenario's model rules come first: a rejected model or a model that
/// always fails never reaches the steps.
/// </summary>
internal sealed class ScenarioPlanner(ScenarioCatalog catalog, string defaultScenario, FailureCounter failures)
{
    public PlannedTurn Plan(Conversation conversation, string conversationKey)
    {
        var name = conversation.MarkedScenario ?? defaultScenario;
        if (catalog.Find(name) is not { } scenario)
        {
            var known = string.Join(", ", catalog.All.Select(s => s.Name).Order(StringComparer.Ordinal));
            return PlannedTurn.Refuse(name, 0, $"mock model: unknown scenario '{name}'. Known scenarios: {known}. Pick one with [[S:name]] in the prompt.");
        }

        if (scenario.RuleFor(conversation.Model) is { } rule)
        {
            return rule.Rejects
                ? PlannedTurn.RejectModel(name, conversation.Model!)
                : PlannedTurn.Play(name, 0, new ScenarioStep(StepKind.Error, [], rule.Error));
        }

        var position = 0;
        foreach (var id in conversation.ToolResultIds)
        {
            if (ToolCallIds.TryParse(id, out var tag, out _, out _) && tag != ToolCallIds.Tag(name))
            {
                continue; // issued under the scenario that ran before a steering or resumed prompt switched it
            }

            if (!IsIssuedBy(scenario, id, out var step))
            {
                return PlannedTurn.Refuse(name, position, $"mock model: scenario '{name}' got a tool result for '{id}', which none of its steps issued; {Expectation(scenario, position)}.");
            }

            position = Math.Max(position, step + 1);
        }

        for (var i = position; i < scenario.Steps.Count; i++)
        {
            if (IsTextAnswered(scenario.Steps[i], conversation.AssistantTexts))
            {
                position = i + 1;
            }
        }

        for (; position < scenario.Steps.Count; position++)
        {
            var step = scenario.Steps[position];
            if (step.Kind == StepKind.Reply
                || step.FailsForever
                || failures.TryServe(conversationKey, name, position, step.Times!.Value))
            {
                return PlannedTurn.Play(name, position, step);
            }
        }

        var got = conversation.LastToolResult is { } result && conversation.ToolResultIds.Count > 0
            ? $"a tool result ({Shorten(result)})"
            : $"the user message \"{Shorten(conversation.LastUserText ?? "")}\"";
        return PlannedTurn.Refuse(name, position, $"mock model: scenario '{name}' has no step left (all {scenario.Steps.Count} were played); got {got}. Start a new conversation or add steps.");
    }

    private static bool IsIssuedBy(Scenario scenario, string id, out int step) =>
        ToolCallIds.TryParse(id, out _, out step, out var block)
        && step < scenario.Steps.Count
        && block < scenario.Steps[step].Blocks.Count
        && scenario.Steps[step].Blocks[block].IsToolCall;

    private static bool IsTextAnswered(ScenarioStep step, IReadOnlyList<string> assistantTexts) =>
        step is { Kind: StepKind.Reply, HasToolCalls: false }
        && step.Blocks.OfType<TextBlock>().FirstOrDefault() is { } text
        && assistantTexts.Any(t => t.Contains(text.Text[..Math.Min(text.Text.Length, 60)], StringComparison.Ordinal));

    private static string Expectation(Scenario scenario, int position)
    {
        if (position == 0)
        {
            return $"no step had issued a tool call yet (the next is step 1, line {scenario.Steps[0].Line})";
        }

        var played = scenario.Steps[position - 1];
        var ids = played.Blocks.Select((b, i) => (b, i)).Where(x => x.b.IsToolCall).Select(x => $"*_mock_{ToolCallIds.Tag(scenario.Name)}_{position - 1}_{x.i}");
        return $"it expected the results of step {position} (line {played.Line}): {string.Join(", ", ids)}";
    }

    private static string Shorten(string text, int max = 120) =>
        text.Length <= max ? text : text[..max] + "…";
}
