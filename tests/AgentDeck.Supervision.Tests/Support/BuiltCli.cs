namespace AgentDeck.Supervision.Tests.Support;

/// <summary>The agentdeck.dll built beside these tests (same configuration), run with <c>dotnet</c>.</summary>
internal static class BuiltCli
{
    public static string Dll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(root, "src", "AgentDeck.Cli", "bin", configuration, framework, "agentdeck.dll");
            Assert.True(File.Exists(dll), $"build the CLI first: {dll} is missing");
            return dll;
        }
    }
}
