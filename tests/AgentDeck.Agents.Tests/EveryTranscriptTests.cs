using AgentDeck.Agents.Parsing;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>Rules that hold for every recorded transcript, whatever the agent.</summary>
public sealed class EveryTranscriptTests
{
    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var name in Transcript.AllNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_fixture_copy_holds_every_transcript_of_the_reference()
    {
        Assert.True(Transcript.AllNames().Count() >= 60, "tests/fixtures/transcripts was not copied to the test output");
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Given_a_transcript_When_parsed_Then_every_non_blank_line_yields_an_event_and_nothing_is_unparsed(string name)
    {
        var run = Transcript.Parse(Parsers.For(name), name, exitCode: 0);

        for (var i = 0; i < run.Lines.Count; i++)
        {
            if (JsonLines.IsBlank(run.Lines[i]))
            {
                Assert.Empty(run.PerLine[i]);
            }
            else
            {
                Assert.NotEmpty(run.PerLine[i]);
                Assert.DoesNotContain(run.PerLine[i], e => e is Unparsed);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Given_a_transcript_When_its_events_are_serialized_Then_they_read_back_equal(string name)
    {
        var run = Transcript.Parse(Parsers.For(name), name, exitCode: 1);

        foreach (var e in run.Events)
        {
            var back = EventJson.Deserialize(EventJson.Serialize(e));
            Assert.NotNull(back);
            Assert.Equal(e.Kind, back.Kind);
            Assert.Equal(EventJson.Serialize(e), EventJson.Serialize(back));
        }
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Given_a_transcript_When_fed_to_every_other_parser_Then_none_throws_and_each_line_still_yields_an_event(string name)
    {
        foreach (var parser in Parsers.All())
        {
            var run = Transcript.Parse(parser, name, exitCode: null);
            for (var i = 0; i < run.Lines.Count; i++)
            {
                Assert.Equal(JsonLines.IsBlank(run.Lines[i]), run.PerLine[i].Count == 0);
            }
        }
    }
}
