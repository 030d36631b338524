namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// What the reader made of a final answer: the result as far as it could be read (null when there was no block or
/// its JSON was broken) and every problem found. <see cref="IsValid"/> needs a result and no problem but warnings.
/// </summary>
public sealed record ResultReading(MemberResult? Result, IReadOnlyList<ResultProblem> Problems)
{
    public bool IsValid => Result is not null && Problems.All(p => p.IsWarning);

    public IReadOnlyList<ResultProblem> Errors => Problems.Where(p => !p.IsWarning).ToList();
}
