namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// What is wrong with a result block, at a JSON path (<c>findings[2].severity</c>), worded so the agent can fix it
/// in a repair turn. A warning (a bad location) leaves the result usable; anything else makes it invalid.
/// </summary>
public sealed record ResultProblem(string Path, string Problem, bool IsWarning = false)
{
    public override string ToString() => Path.Length == 0 ? Problem : $"{Path}: {Problem}";
}
