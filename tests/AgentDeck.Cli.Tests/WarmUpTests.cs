using AgentDeck.Agents;
using AgentDeck.Cli.Common;
using AgentDeck.Core;
using AgentDeck.Core.Events;

namespace AgentDeck.Cli.Tests;

/// <summary>The warm-ups parse lines each agent's parser really takes, and leave nothing behind.</summary>
public sealed class WarmUpTests
{
    [Theory]
    [InlineData(AgentKind.Claude)]
    [InlineData(AgentKind.Codex)]
    [InlineData(AgentKind.Gemini)]
    [InlineData(AgentKind.OpenCode)]
    public void Given_an_agent_When_its_canned_first_lines_are_parsed_Then_none_throws_and_they_give_events(AgentKind agent)
    {
        var parser = AgentParsers.Create(agent);
        var events = new List<AgentEvent>();

        foreach (var line in ParserWarmUp.LinesOf(agent))
        {
            parser.ParseLine(System.Text.Encoding.UTF8.GetBytes(line), events);
        }

        Assert.NotEmpty(events);
    }

    [Fact]
    public void Given_the_recording_warm_up_When_it_ran_Then_no_temporary_folder_of_its_own_is_left()
    {
        var before = Directory.EnumerateDirectories(Path.GetTempPath(), "agentdeck-warmup-*").ToHashSet();

        RecordingWarmUp.Run();

        Assert.Empty(Directory.EnumerateDirectories(Path.GetTempPath(), "agentdeck-warmup-*").Where(d => !before.Contains(d)));
    }
}
