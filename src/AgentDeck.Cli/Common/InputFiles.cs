using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Common;

/// <summary>Opens a FILE argument, where <c>-</c> means standard input, with a clear error when it cannot be read.</summary>
public static class InputFiles
{
    public static Stream Open(string path, CliConsole console)
    {
        if (path == "-")
        {
            return console.OpenInput();
        }

        var full = Path.GetFullPath(path, console.CurrentDirectory);
        if (Directory.Exists(full))
        {
            throw new CliException($"{path} is a directory, not a file; pass a transcript file or - for standard input");
        }

        if (!File.Exists(full))
        {
            throw new CliException($"file not found: {path}; check the path, or pass - to read standard input");
        }

        try
        {
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: permission denied; check the file's permissions");
        }
        catch (IOException error)
        {
            throw new CliException($"cannot read {path}: {error.Message}");
        }
    }
}
