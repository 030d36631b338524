namespace AgentDeck.Cli.Hosting;

/// <summary>The process's standard streams and environment, injected so verbs can be tested in-process.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, Func<Stream> openInput, Func<string, string?> environment, string currentDirectory)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public string CurrentDirectory { get; } = currentDirectory;

    public Stream OpenInput() => openInput();

    public string? GetEnvironmentVariable(string name) => environment(name);

    public static CliConsole FromProcess() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Environment.GetEnvironmentVariable,
        Environment.CurrentDirectory);
}
