namespace AgentDeck.Discovery.Doctor;

/// <summary>
/// Runs a program with arguments and returns what it printed; the CLI wires this to the process runner, tests to a
/// fake. Returns null when the program could not be started at all.
/// </summary>
public interface IVersionProbe
{
    Task<ProbeOutput?> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
