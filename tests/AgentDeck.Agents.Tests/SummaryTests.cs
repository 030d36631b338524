using System.Text.Json;
using AgentDeck.Agents.Codex;
using AgentDeck.Agents.Parsing;

namespace AgentDeck.Agents.Tests;

public sealed class SummaryTests
{
    [Theory]
    [InlineData("ls -la\n  && cat x", 200, "ls -la && cat x")]
    [InlineData("  \t\n", 200, "")]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdefg", 6, "abcde…")]
    [InlineData("abc  defg", 5, "abc …")]
    [InlineData(" a b", 200, "a b")]
    [InlineData("a b ", 200, "a b")]
    [InlineData("a  b", 200, "a b")]
    [InlineData("a b", 3, "a b")]
    [InlineData("a\u00A0b", 200, "a b")]
    [InlineData("a\u0001b", 200, "a b")]
    public void Given_text_Then_one_line_collapses_whitespace_and_cuts_with_an_ellipsis(string text, int max, string expected)
    {
        Assert.Equal(expected, Summary.OneLine(text, max));
    }

    [Fact]
    public void Given_random_texts_Then_one_line_says_what_the_character_by_character_definition_says()
    {
        var alphabet = "ab \n\t\r\u00A0\u0001\u0085\u2028\u3000\uD83D\uDE00é…x";
        var random = new Random(20261122);
        for (var round = 0; round < 20_000; round++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var max = random.Next(1, 45);
            Assert.Equal(ReferenceOneLine(text, max), Summary.OneLine(text, max));
        }
    }

    [Fact]
    public void Given_every_character_Then_exactly_whitespace_and_controls_are_gaps()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "a" + (char)c + "b";
            Assert.Equal(ReferenceOneLine(text, 10), Summary.OneLine(text, 10));
        }
    }

    [Fact]
    public void Given_a_huge_output_Then_the_summary_stays_within_its_cap()
    {
        Assert.Equal(Summary.OutputMax, Summary.OneLine(new string('x', 1_000_000), Summary.OutputMax).Length);
    }

    [Theory]
    [InlineData("""{"command":"git status","description":"Show status"}""", "git status")]
    [InlineData("""{"file_path":"/w/a.txt","content":"x"}""", "/w/a.txt")]
    [InlineData("""{"pattern":"*.cs"}""", "*.cs")]
    [InlineData("""{"odd":1}""", """{"odd":1}""")]
    public void Given_a_tool_input_Then_its_most_telling_field_is_the_summary(string input, string expected)
    {
        var tape = new JsonTape();
        Assert.True(tape.TryRead(System.Text.Encoding.UTF8.GetBytes(input)));

        Assert.Equal(expected, Summary.OfInput(tape.Root));
    }

    [Theory]
    [InlineData("/bin/bash -lc 'ls -la && cat notes.txt'", "ls -la && cat notes.txt")]
    [InlineData("/bin/bash -lc \"echo hi\"", "echo hi")]
    [InlineData("git status", "git status")]
    public void Given_a_codex_command_Then_the_shell_wrapper_is_dropped(string command, string expected)
    {
        Assert.Equal(expected, CodexCommands.Unwrap(command));
    }

    [Theory]
    [InlineData("unexpected status 401 Unauthorized: x", 401)]
    [InlineData("exceeded retry limit, last status: 429 Too Many Requests", 429)]
    [InlineData("status 12345", null)]
    [InlineData("We're currently experiencing high demand", null)]
    public void Given_a_codex_error_message_Then_its_http_status_is_found(string message, int? expected)
    {
        Assert.Equal(expected, CodexCommands.HttpStatus(message));
    }

    /// <summary>The definition, one character at a time (the implementation before runs were copied whole).</summary>
    private static string ReferenceOneLine(string text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new System.Text.StringBuilder();
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (builder.Length + (pendingSpace ? 2 : 1) > max)
            {
                builder.Length = Math.Min(builder.Length, max - 1);
                builder.Append('…');
                return builder.ToString();
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
