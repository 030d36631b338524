using System.CommandLine;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Tests;

/// <summary>A word starting with <c>@</c> is a word: no verb reads a file for options or prompt text.</summary>
public sealed class AtPromptParsingTests : IDisposable
{
    private readonly TempHome _home = new();

    public AtPromptParsingTests()
    {
        PromptFile = Path.Combine(_home.Path, "p.txt");
        File.WriteAllText(PromptFile, "--write say hi\n");
    }

    public void Dispose() => _home.Dispose();

    private string PromptFile { get; }

    private string AtPrompt => "@" + PromptFile;

    private static RootCommand Tree() => CommandTree.Build(new CliContext(Console(Directory.GetCurrentDirectory())));

    public static TheoryData<string[], string> VerbsTakingText() => new()
    {
        { ["run", "--agent", "claude"], "PROMPT" },
        { ["steer", "01J0000000"], "MESSAGE" },
        { ["resume", "01J0000000"], "MESSAGE" },
    };

    [Theory]
    [MemberData(nameof(VerbsTakingText))]
    public void Given_a_prompt_file_holding_options_When_its_name_is_given_with_at_Then_the_words_are_the_text_and_no_option_is_set(string[] verb, string argument)
    {
        var parsed = CliApp.Parse(Tree(), [.. verb, AtPrompt]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(AtPrompt, parsed.GetValue<string>(argument));
        Assert.DoesNotContain(parsed.Tokens, token => token.Value is "--write" or "say" or "hi");
        if (parsed.CommandResult.Command.Options.Any(option => option.Name == "--write"))
        {
            Assert.False(parsed.GetValue<bool>("--write"));
        }
    }

    [Fact]
    public void Given_any_verb_When_a_word_starts_with_at_Then_it_is_never_replaced_by_a_file()
    {
        var verbs = Verbs(Tree(), []).ToList();
        Assert.Contains(verbs, verb => verb.SequenceEqual(["run"]));

        foreach (var verb in verbs)
        {
            var parsed = CliApp.Parse(Tree(), [.. verb, AtPrompt]);

            Assert.True(parsed.Tokens.Any(token => token.Value == AtPrompt), $"agentdeck {string.Join(' ', verb)} lost the word {AtPrompt}");
            Assert.DoesNotContain(parsed.Tokens, token => token.Value is "--write" or "say");
        }
    }

    [Fact]
    public void Given_a_prompt_starting_with_at_When_read_Then_it_is_the_prompt_itself()
    {
        var console = Console(_home.Path);

        Assert.Equal("@p.txt", PromptInput.Read("@p.txt", null, console));
        Assert.Equal("--write say hi\n", PromptInput.Read(null, "p.txt", console));
    }

    private static CliConsole Console(string directory) =>
        new(TextWriter.Null, TextWriter.Null, () => Stream.Null, new Dictionary<string, string>(), directory);

    private static IEnumerable<string[]> Verbs(Command command, string[] path)
    {
        foreach (var child in command.Subcommands)
        {
            string[] verb = [.. path, child.Name];
            yield return verb;
            foreach (var deeper in Verbs(child, verb))
            {
                yield return deeper;
            }
        }
    }
}
