using System.Collections;

namespace AgentDeck.Cli.Hosting;

/// <summary>The process's standard streams and environment, injected so verbs can be tested in-process.</summary>
public sealed class CliConsole(
    TextWriter output,
    TextWriter error,
    Func<Stream> openInput,
    IReadOnlyDictionary<string, string> environment,
    string currentDirectory)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public string CurrentDirectory { get; } = currentDirectory;
    public IReadOnlyDictionary<string, string> Environment { get; } = environment;

    public Stream OpenInput() => openInput();

    public string? GetEnvironmentVariable(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    public static CliConsole FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry is { Key: string key, Value: string value })
            {
                variables[key] = value;
            }
        }

        return new CliConsole(Console.Out, Console.Error, Console.OpenStandardInput, variables, System.Environment.CurrentDirectory);
    }
}
