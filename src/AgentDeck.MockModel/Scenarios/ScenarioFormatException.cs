namespace AgentDeck.MockModel.Scenarios;

/// <summary>A scenario file that cannot be used. The message reads "file:line:column: problem".</summary>
public sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException(string file, int line, int column, string problem, Exception? inner = null)
        : base($"{file}:{line}:{column}: {problem}", inner)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }
}
