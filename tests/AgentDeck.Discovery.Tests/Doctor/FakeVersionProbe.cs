using AgentDeck.Discovery.Doctor;

namespace AgentDeck.Discovery.Tests.Doctor;

/// <summary>Answers expected command lines only; anything else fails the test.</summary>
public sealed class FakeVersionProbe : IVersionProbe
{
    private readonly Dictionary<string, ProbeOutput?> answers = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public FakeVersionProbe Answer(string commandLine, ProbeOutput? output)
    {
        answers[commandLine] = output;
        return this;
    }

    public Task<ProbeOutput?> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var commandLine = string.Join(' ', arguments.Prepend(program));
        Calls.Add(commandLine);
        Assert.True(answers.TryGetValue(commandLine, out var output), $"unexpected command line: {commandLine}");
        return Task.FromResult(output);
    }
}
