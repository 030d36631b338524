using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Codex;
using AgentDeck.Agents.Gemini;
using AgentDeck.Agents.OpenCode;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

public sealed class AgentParsersTests
{
    [Theory]
    [InlineData(AgentKind.Claude, typeof(ClaudeStreamParser))]
    [InlineData(AgentKind.Codex, typeof(CodexStreamParser))]
    [InlineData(AgentKind.Gemini, typeof(GeminiStreamParser))]
    [InlineData(AgentKind.OpenCode, typeof(OpenCodeStreamParser))]
    public void Given_an_agent_kind_Then_the_factory_makes_its_parser(AgentKind kind, Type expected)
    {
        var parser = AgentParsers.Create(kind);

        Assert.IsType(expected, parser);
        Assert.Equal(kind, parser.Agent);
    }

    [Fact]
    public void Given_a_baseline_Then_the_factory_hands_it_to_the_codex_parser()
    {
        var baseline = new ParserBaseline(new TokenUsage(1500, 4500, 0, 210, 60), null);

        var run = Transcript.Parse(AgentParsers.Create(AgentKind.Codex, baseline), "codex-06-resume.ndjson", 0);

        Assert.Equal(new TokenUsage(1000, 3000, 0, 140, 40), run.Single<UsageReported>().Turn);
    }

    [Fact]
    public void Given_an_unknown_kind_Then_the_factory_refuses_it()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentParsers.Create((AgentKind)99));
    }

    public static TheoryData<string> DiskLogs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Transcript.Directory, "disk")))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DiskLogs))]
    public void Given_an_on_disk_session_log_by_mistake_Then_no_parser_throws_and_each_line_yields_an_event(string name)
    {
        var lines = Transcript.SplitLines(File.ReadAllBytes(Path.Combine(Transcript.Directory, "disk", name)));
        foreach (var parser in Parsers.All())
        {
            var run = Transcript.Parse(parser, lines, 1);
            for (var i = 0; i < lines.Length; i++)
            {
                Assert.Equal(Parsing.JsonLines.IsBlank(lines[i]), run.PerLine[i].Count == 0);
            }
        }
    }
}
