namespace AgentDeck.Discovery.Config.Checking;

/// <summary>What is wrong in a configuration file, where, and how bad: printed as <c>file:line:column: error: message</c>.</summary>
public sealed record ConfigProblem(string Source, int? Line, int? Column, ConfigProblemSeverity Severity, string Message)
{
    public bool IsError => Severity == ConfigProblemSeverity.Error;

    public override string ToString()
    {
        var at = Line is null ? Source : Column is null ? $"{Source}:{Line}" : $"{Source}:{Line}:{Column}";
        return $"{at}: {(IsError ? "error" : "warning")}: {Message}";
    }
}
