namespace AgentDeck.Core.Cost;

/// <summary>
/// The limits a supervisor enforces while a worker runs (TOML <c>[limits]</c>). Null means "no limit". The global
/// budget counts what every run started on the same UTC day cost; crossing it blocks new workers and interrupts the
/// running ones, and crossing <see cref="GlobalWarningFraction"/> of it records a warning notice once per run.
/// </summary>
public sealed record CostGuardSettings
{
    public const int DefaultMaxConcurrency = 4;
    public const decimal DefaultGlobalWarningFraction = 0.8m;

    public static CostGuardSettings Default { get; } = new();

    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;
    public TimeSpan? RunTimeout { get; init; }
    public long? MaxOutputBytes { get; init; }
    public decimal? RunBudgetUsd { get; init; }
    public decimal? GlobalBudgetUsd { get; init; }
    public decimal GlobalWarningFraction { get; init; } = DefaultGlobalWarningFraction;
}
