namespace AgentDeck.MockModel.Scenarios;

/// <summary>
/// How a scenario answers requests for one model, whatever step it is at: <see cref="Error"/> null means the API
/// rejects the model as unknown (Anthropic 404 <c>not_found_error</c>, OpenAI 404 <c>model_not_found</c>); otherwise
/// every request for that model gets that HTTP error. <see cref="Pattern"/> is a model id, or a prefix ending in <c>*</c>.
/// </summary>
public sealed record ModelRule(string Pattern, ScenarioError? Error)
{
    public bool Rejects => Error is null;

    public bool Matches(string? model)
    {
        if (model is null)
        {
            return false;
        }

        return Pattern.EndsWith('*')
            ? model.StartsWith(Pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(model, Pattern, StringComparison.OrdinalIgnoreCase);
    }
}
