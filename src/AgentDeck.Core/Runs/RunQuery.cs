namespace AgentDeck.Core.Runs;

/// <summary>Which runs to list, newest first. Null filters match everything.</summary>
public sealed record RunQuery
{
    public const int DefaultLimit = 50;

    public IReadOnlyCollection<RunStatus>? Statuses { get; init; }
    public string? Agent { get; init; }
    public string? Cwd { get; init; }
    public string? Repo { get; init; }
    public string? SessionId { get; init; }
    public string? Team { get; init; }

    /// <summary>At most this many runs; zero or less means no limit.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
