using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>The built-in roles (the persona catalog with user-defined roles is another component's).</summary>
public static class KnownRoles
{
    public static IReadOnlyList<string> Names { get; } = ["requirements", "architecture", "security", "testing", "implementation", "review", "ops"];

    public static string? Check(string? role) =>
        role is null || Names.Contains(role, StringComparer.OrdinalIgnoreCase)
            ? role?.ToLowerInvariant()
            : throw CliException.Usage($"unknown role '{role}': use one of {string.Join(", ", Names)}");
}
