using AgentDeck.Discovery.Environment;

namespace AgentDeck.Discovery.Tests.Support;

/// <summary>A scratch home directory with its own environment, deleted afterwards.</summary>
public sealed class TempHome : IDisposable
{
    public TempHome(IReadOnlyDictionary<string, string>? variables = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "agentdeck-discovery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Variables = new Dictionary<string, string>(variables ?? new Dictionary<string, string>());
    }

    public string Root { get; }

    public Dictionary<string, string> Variables { get; }

    public DiscoveryEnvironment Environment => new(Root, Variables, Root);

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
