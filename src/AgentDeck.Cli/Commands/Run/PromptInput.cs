using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// The prompt as given: text, <c>--prompt-file FILE</c>, or <c>-</c> for standard input. Text starting with <c>@</c>
/// is text (agents read <c>@path</c> as a file mention themselves); a file is never read for options or a prompt.
/// </summary>
public static class PromptInput
{
    public static string Read(string? argument, string? promptFile, CliConsole console)
    {
        if (argument is not null && promptFile is not null)
        {
            throw CliException.Usage("give the prompt either as an argument or with --prompt-file, not both");
        }

        var text = promptFile is not null ? ReadFile(promptFile, console)
            : argument == "-" ? new StreamReader(console.OpenInput()).ReadToEnd()
            : argument;
        return string.IsNullOrWhiteSpace(text)
            ? throw CliException.Usage("the prompt is empty: give it as an argument, --prompt-file FILE or - for stdin")
            : text;
    }

    private static string ReadFile(string file, CliConsole console) =>
        File.ReadAllText(Path.IsPathRooted(file) ? file : Path.Combine(console.CurrentDirectory, file));
}
