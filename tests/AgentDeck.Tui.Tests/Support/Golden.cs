using System.Runtime.CompilerServices;
using AgentDeck.Terminal;

namespace AgentDeck.Tui.Tests.Support;

/// <summary>
/// Compares a frame's text with a committed golden file (tests/AgentDeck.Tui.Tests/Golden/NAME.txt).
/// AGENTDECK_UPDATE_GOLDEN=1 rewrites the files instead; review the diff before committing.
/// </summary>
public static class Golden
{
    public static void Match(CellBuffer frame, string name, [CallerFilePath] string callerFile = "")
    {
        var file = Path.Combine(ProjectDirectory(callerFile), "Golden", name + ".txt");
        var actual = string.Join('\n', frame.ToLines().Select(l => l.TrimEnd())) + "\n";
        if (Environment.GetEnvironmentVariable("AGENTDECK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(file, actual);
            return;
        }

        Assert.True(File.Exists(file), $"golden file {file} is missing; run with AGENTDECK_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(file), actual);
    }

    /// <summary>The test project's directory (the nearest one up from the calling source file holding a .csproj).</summary>
    public static string ProjectDirectory(string sourceFile)
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!);
        while (directory.GetFiles("*.csproj").Length == 0)
        {
            directory = directory.Parent ?? throw new InvalidOperationException($"no .csproj above {sourceFile}");
        }

        return directory.FullName;
    }
}
