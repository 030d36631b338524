namespace AgentDeck.Cli.Commands.Demo.Live;

/// <summary>The demo's data files embedded in the assembly (Commands/Demo/Live/*.yaml).</summary>
public static class DemoResources
{
    public const string Scenarios = "AgentDeck.Demo.demo-scenarios.yaml";

    public static string Text(string name)
    {
        using var stream = typeof(DemoResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
