namespace AgentDeck.Discovery.Bench;

/// <summary>Whether a bench task's check held, and if not, why (one line).</summary>
public sealed record BenchCheckResult(bool Passed, string Detail)
{
    public static BenchCheckResult Pass { get; } = new(true, "check passed");

    public static BenchCheckResult Fail(string detail) => new(false, detail);
}
