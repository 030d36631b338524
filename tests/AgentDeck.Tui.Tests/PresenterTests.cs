using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class PresenterTests
{
    [Fact]
    public void Given_workers_When_presenting_their_routes_Then_live_ones_come_first_with_the_route_recorded_on_each_run()
    {
        var rows = WorkerRoutePresenter.Rows(SampleDeck.Workers());

        Assert.Equal(["01jrun0001", "implementer", "running", "claude/sonnet", "best of 3 for implementer; trait fit 83% (code, tool use)"], rows[0]);
        Assert.Equal(["01jrun0002", "reviewer", "waiting", "codex/gpt-5", WorkerRoutePresenter.NotRouted], rows[1]);
        Assert.Equal(["01jrun0003", "no role", "succeeded", "gemini/default model", WorkerRoutePresenter.NotRouted], rows[2]);
        Assert.Equal(["01jrun0004", "tester", "failed", "opencode/qwen", WorkerRoutePresenter.NotRouted], rows[3]);
    }

    [Fact]
    public void Given_a_run_with_denied_tool_calls_When_its_pane_is_presented_Then_its_state_says_how_many()
    {
        var worker = SampleDeck.Workers()[2];

        var state = WorkerPanePresenter.Figures(worker, SampleDeck.Now)[0].Text;

        Assert.StartsWith("✔ succeeded, 3 denied · ", state, StringComparison.Ordinal);
        Assert.Contains("succeeded, 3 denied", WorkerPanePresenter.Row(worker, 3, SampleDeck.Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, "just now")]
    [InlineData(42, "42 seconds")]
    [InlineData(61, "1 minute 1 second")]
    [InlineData(3600 * 2 + 300 + 7, "2 hours 5 minutes")]
    [InlineData(86400 * 3 + 3600, "3 days 1 hour")]
    [InlineData(86400 + 5, "1 day")]
    public void Durations_read_in_words(double seconds, string expected) =>
        Assert.Equal(expected, WorkerFormat.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(null, "cost unknown")]
    [InlineData(0.0, "$0.0000")]
    [InlineData(0.0123, "$0.0123")]
    [InlineData(12.5, "$12.50")]
    public void Cost_is_unknown_when_null_and_never_zero_by_default(double? usd, string expected) =>
        Assert.Equal(expected, WorkerFormat.Cost(usd is null ? null : (decimal)usd));

    [Theory]
    [InlineData(950, "950")]
    [InlineData(12_340, "12.3k")]
    [InlineData(1_250_000, "1.3M")]
    public void Token_counts_use_metric_suffixes(long value, string expected) => Assert.Equal(expected, WorkerFormat.Metric(value));

    [Theory]
    [InlineData(RunStatus.Running, "●")]
    [InlineData(RunStatus.Waiting, "◐")]
    [InlineData(RunStatus.Succeeded, "✔")]
    [InlineData(RunStatus.Failed, "✖")]
    [InlineData(RunStatus.Lost, "?")]
    public void Every_status_has_a_glyph(RunStatus status, string glyph) => Assert.Equal(glyph, WorkerStates.Glyph(status));

    [Fact]
    public void Every_status_maps_to_a_state_role() =>
        Assert.All(Enum.GetValues<RunStatus>(), s => Assert.StartsWith("State", WorkerStates.Role(s).ToString(), StringComparison.Ordinal));

    [Theory]
    [InlineData(79, 24, 4, true)]
    [InlineData(80, 24, 4, false)]
    [InlineData(200, 50, 9, false)]
    public void The_layout_is_a_list_below_80_columns_and_a_grid_above(int width, int height, int count, bool list)
    {
        var layout = GridLayout.For(width, height, count, 0);
        Assert.Equal(list, layout.IsList);
        if (!list)
        {
            Assert.All(layout.Panes, p => Assert.True(p.Right <= width && p.Bottom <= height));
            Assert.Equal(layout.Panes.Count, layout.Panes.Distinct().Count());
        }
    }

    [Fact]
    public void Many_workers_page_so_the_selected_one_is_always_shown()
    {
        var layout = GridLayout.For(80, 22, 30, 25);
        Assert.InRange(25, layout.FirstIndex, layout.FirstIndex + layout.Panes.Count - 1);
    }

    [Fact]
    public void Worker_activity_tracks_phase_last_tool_and_a_sanitized_tail()
    {
        var activity = new WorkerActivity();
        activity.Apply(1, new ToolCallStarted("c1", "Bash", "ls -la\nsecond line", []));
        Assert.Equal("tool Bash", activity.Phase);
        Assert.Equal("Bash ls -la", activity.LastTool);

        activity.Apply(2, new AssistantText("evil \u001b]0;title\u0007text", true));
        activity.Apply(3, new TurnCompleted(TurnOutcome.Succeeded, null, null));
        Assert.Equal("turn succeeded", activity.Phase);
        Assert.DoesNotContain(activity.Tail, l => l.Contains('\u001b'));
        Assert.Equal(3, activity.Seq);
    }

    [Fact]
    public void Transcript_lines_join_deltas_and_collapse_tools_unless_expanded()
    {
        var events = SampleDeck.Transcript("r");
        var collapsed = TranscriptPresenter.Lines(events, expanded: false).Select(l => l.Text).ToList();
        var expanded = TranscriptPresenter.Lines(events, expanded: true).Select(l => l.Text).ToList();

        Assert.Contains("One test fails; fixing it now.", collapsed);
        Assert.Contains("▸ ⚙ Bash dotnet test", collapsed);
        Assert.DoesNotContain("    Failed: 1", collapsed);
        Assert.Contains("    Failed: 1", expanded);
        Assert.Contains("∴ Let me look at the test output.", expanded);
    }

    [Theory]
    [InlineData(false, new[] { "∴ thinking…", "Done." })]
    [InlineData(true, new[] { "∴ Let me check the tests.", "Done." })]
    public void Given_a_streamed_thought_then_the_whole_thought_When_shown_Then_it_is_shown_once(bool expanded, string[] expected)
    {
        var events = SampleDeck.Stored("r",
        [
            new Thinking("Let me ", true),
            new Thinking("check the ", true),
            new Thinking("tests.", true),
            new Thinking("Let me check the tests.", false),
            new AssistantText("Done.", false),
        ]);

        Assert.Equal(expected, TranscriptPresenter.Lines(events, expanded).Select(l => l.Text).ToArray());
    }

    [Theory]
    [InlineData(false, new[] { "∴ thinking…", "Done." })]
    [InlineData(true, new[] { "∴ Let me check the tests.", "Done." })]
    public void Given_a_streamed_thought_that_never_came_whole_When_shown_Then_its_fragments_are_joined(bool expanded, string[] expected)
    {
        var events = SampleDeck.Stored("r", [new Thinking("Let me ", true), new Thinking("check the tests.", true), new AssistantText("Done.", false)]);

        Assert.Equal(expected, TranscriptPresenter.Lines(events, expanded).Select(l => l.Text).ToArray());
    }

    [Fact]
    public void Given_api_retries_When_folded_for_the_pane_Then_the_phase_is_the_protocol_phase_with_the_failure_and_attempt()
    {
        var activity = new WorkerActivity();
        activity.Apply(1, new SessionStarted("s1", "claude-test", null, []));
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            activity.Apply(attempt + 1, new ApiRetry(attempt, 10, 401, "authentication_failed", 500));
        }

        Assert.Equal("retrying: API 401, attempt 4 of 10", activity.Phase);
    }

    [Fact]
    public void Given_a_steer_message_When_shown_in_the_transcript_Then_it_names_the_sender()
    {
        var events = SampleDeck.Stored("r", [new UserMessage("Fix it"), new SteerSent("also the docs", SteerSenders.Tui), new AssistantText("Will do.", false)]);

        Assert.Equal(["", "› Fix it", "", "» steered from tui: also the docs", "Will do."], TranscriptPresenter.Lines(events, expanded: false).Select(l => l.Text));
    }

    [Fact]
    public void Team_results_mark_agreement_and_conflict()
    {
        var a = SampleDeck.Run("a", "claude", "r1", null, RunStatus.Succeeded, 5, null) with { Team = "t" };
        var b = SampleDeck.Run("b", "codex", "r2", null, RunStatus.Succeeded, 5, null) with { Team = "t" };
        var c = SampleDeck.Run("c", "gemini", "r3", null, RunStatus.Failed, 5, null) with { Team = "u" };
        var d = SampleDeck.Run("d", "gemini", "r3", null, RunStatus.Succeeded, 5, null) with { Team = "u" };
        var results = TeamResult.From([a, b, c, d]);
        Assert.Equal("✔ outcomes agree", results.Single(r => r.Team == "t").Marker);
        Assert.Equal("⚡ outcomes conflict", results.Single(r => r.Team == "u").Marker);
    }

    [Fact]
    public void Sparkline_scales_to_the_largest_bucket()
    {
        Assert.Equal(" ▄█", Sparkline.Render([0m, 1m, 2m]));
        var buckets = Sparkline.SpendBuckets([(SampleDeck.Now.AddMinutes(-9), 1m), (SampleDeck.Now, 2m)], SampleDeck.Now.AddMinutes(-10), SampleDeck.Now, 10);
        Assert.Equal(1m, buckets[1]);
        Assert.Equal(2m, buckets[9]);
    }
}
