using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Source;

namespace AgentDeck.Benchmarks;

/// <summary>16 running workers in memory; <see cref="Stream"/> gives each one a new output line (50 lines/s at 50 fps).</summary>
internal sealed class StreamingDeckSource : IDeckSource
{
    private const int TailLength = 12;
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private readonly RunRecord[] _runs;
    private readonly List<string>[] _tails;
    private long _version;
    private long _line;

    public StreamingDeckSource(int workers)
    {
        _runs = Enumerable.Range(0, workers).Select(i => new RunRecord
        {
            Id = $"run{i:0000000}",
            Agent = i % 2 == 0 ? "claude" : "codex",
            Role = i % 3 == 0 ? "implementation" : "review",
            Model = i % 2 == 0 ? "claude-sonnet-4-5" : "gpt-5.1-codex",
            Status = RunStatus.Running,
            StartedAt = Start.AddMinutes(-i),
            UpdatedAt = Start,
            CostUsd = 0.01m * i,
            Tokens = new TokenUsage(1000 * i, 0, 0, 100 * i, 0),
        }).ToArray();
        _tails = _runs.Select(_ => new List<string>()).ToArray();
    }

    public DateTimeOffset Now { get; set; } = Start;

    public void Stream()
    {
        _version++;
        for (var i = 0; i < _runs.Length; i++)
        {
            var tail = _tails[i];
            tail.Add($"▸ Bash dotnet test tests/AgentDeck.Worker{i}.Tests -c Release  (line {++_line})");
            if (tail.Count > TailLength)
            {
                tail.RemoveAt(0);
            }

            _runs[i] = _runs[i] with { EventCount = _line, Tokens = _runs[i].Tokens + new TokenUsage(0, 0, 0, 37, 0) };
        }
    }

    public DeckSnapshot Poll(DeckScope scope) => new()
    {
        Workers = _runs.Select((run, i) => new WorkerView(run, "writing", "Bash dotnet test", _tails[i].ToArray(), false)).ToList(),
        Now = Now,
        Version = _version,
        ScopeLabel = "runs in agentdeck",
    };

    public IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq) => [];

    public void MarkRead(string runId)
    {
    }
}
