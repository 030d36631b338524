using System.Text;
using System.Text.Json.Nodes;
using AgentDeck.Agents.Drivers;
using AgentDeck.Core;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Tests.Drivers;

/// <summary>
/// Replays the app-server's real stdout of codex-05-appserver-steer into the driver and compares what it writes with
/// what the recording driver wrote (codex-05-appserver-steer.stdin.ndjson), ids aside. The user's actions (a steer,
/// a message after the turn completed, an interrupt) happen right before the server's answer to them arrives.
/// </summary>
public sealed class CodexAppServerReplayTests
{
    private const string Transcript = "codex-05-appserver-steer";

    [Fact]
    public void Given_the_recorded_stdout_Then_the_requests_written_match_the_recorded_stdin_modulo_ids()
    {
        var (written, _) = Replay();
        var recorded = DriverTranscripts.Lines(Transcript + ".stdin.ndjson").Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(
            recorded.Select(r => (string?)r["method"]),
            written.Select(w => (string?)w["method"]));
        // initialize names the client; every other request must carry exactly the recorded params.
        for (var i = 1; i < recorded.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(recorded[i]["params"], written[i]["params"]), written[i].ToJsonString());
        }

        Assert.Equal("agentdeck", (string?)written[0]["params"]!["clientInfo"]!["name"]);
    }

    [Fact]
    public void Given_the_recorded_stdout_Then_requests_have_distinct_ids_and_notifications_none()
    {
        var (written, _) = Replay();

        var ids = written.Where(w => w["id"] is not null).Select(w => (long)w["id"]!).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Equal(6, ids.Count);
        Assert.Null(Assert.Single(written, w => (string?)w["method"] == "initialized")["id"]);
        Assert.All(written, w => Assert.Equal("2.0", (string?)w["jsonrpc"]));
    }

    [Fact]
    public void Given_the_recorded_stdout_Then_the_turn_finishes_at_each_turn_completed()
    {
        var (_, finishedAfter) = Replay();
        var stdout = DriverTranscripts.Lines(Transcript + ".ndjson");

        var completedAt = stdout.Select((line, i) => (line, i)).Where(x => x.line.Contains("\"method\":\"turn/completed\"")).Select(x => x.i);
        Assert.Equal(completedAt, finishedAfter);
    }

    private static (List<JsonNode> Written, List<int> FinishedAfter) Replay()
    {
        var driver = new AgentDriverFactory().Create(
            Launches.Of(AgentKind.Codex, prompt: "[[S:slow]] run the slow command", write: true));
        var actions = new Queue<Func<IReadOnlyList<string>>>(
        [
            () => driver.Steer("[[S:steer2]] change of plan").StdinLines,
            () => driver.Steer("[[S:slow]] again, slowly").StdinLines,
            () => driver.Interrupt() ?? [],
        ]);
        var written = driver.OnStarted().ToList();
        var finishedAfter = new List<int>();
        var wasFinished = false;

        var stdout = DriverTranscripts.Lines(Transcript + ".ndjson");
        for (var i = 0; i < stdout.Count; i++)
        {
            var message = JsonNode.Parse(stdout[i])!;
            var answersRequest = message["method"] is null && message["id"] is not null;
            if (answersRequest && (long)message["id"]! > RequestCount(written) && actions.TryDequeue(out var act))
            {
                written.AddRange(act());
            }

            written.AddRange(driver.OnStdoutLine(Encoding.UTF8.GetBytes(stdout[i])));
            if (driver.TurnFinished && !wasFinished)
            {
                finishedAfter.Add(i);
            }

            wasFinished = driver.TurnFinished;
        }

        Assert.Empty(actions);
        return (written.Select(w => JsonNode.Parse(w)!).ToList(), finishedAfter);
    }

    private static long RequestCount(List<string> written) => written.Count(w => JsonNode.Parse(w)!["id"] is not null);
}
