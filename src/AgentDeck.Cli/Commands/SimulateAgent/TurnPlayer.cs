using System.Text.RegularExpressions;
using System.Threading.Channels;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>
/// Plays one turn: the scenario named by the prompt's <c>[[S:name]]</c> marker, step by step, paced like a model
/// streaming. Steering messages join the turn at the next step boundary (as Claude and Codex inject them with the next
/// tool result); an interrupt cuts the turn short, including a running command.
/// </summary>
public sealed partial class TurnPlayer(SimulationSettings settings, ISimulatedWire wire, SimulatedTools tools, ChannelReader<SimulatorMessage> inbox, InterruptSignal interrupts)
{
    private const int WordsPerChunk = 3;
    private int _toolCalls;

    public async Task PlayAsync(string prompt, CancellationToken cancellationToken)
    {
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupts.Token);
        wire.TurnStarted(prompt);
        var steps = new LinkedList<ScenarioStep>(StepsFor(prompt));
        string? finalText = null;
        SimulatedToolCall? running = null;
        try
        {
            while (true)
            {
                JoinSteers(steps);
                if (steps.First is not { } next)
                {
                    break;
                }

                steps.RemoveFirst();
                var step = next.Value;
                await Task.Delay(step.DelayMs > 0 ? TimeSpan.FromMilliseconds(step.DelayMs) : settings.Pace * 3, turn.Token).ConfigureAwait(false);
                if (step.Kind != StepKind.Reply)
                {
                    wire.TurnFinished(TurnEnd.Failed(step.Error?.Message ?? "stream disconnected before completion", step.Error?.Status ?? 500));
                    return;
                }

                var chunkPause = step.ChunkDelayMs > 0 ? TimeSpan.FromMilliseconds(step.ChunkDelayMs) : settings.Pace;
                wire.MessageStarted();
                var calls = new List<SimulatedToolCall>();
                var written = 0;
                foreach (var block in step.Blocks)
                {
                    switch (block)
                    {
                        case TextBlock or ThinkingBlock:
                            var thinking = block is ThinkingBlock;
                            var text = block is TextBlock t ? t.Text : ((ThinkingBlock)block).Text;
                            await StreamAsync(thinking, text, chunkPause, turn.Token).ConfigureAwait(false);
                            written += text.Length;
                            finalText = thinking ? finalText : text;
                            break;
                        default:
                            var call = tools.Call(ToolId(), block);
                            wire.ToolRequested(call);
                            calls.Add(call);
                            break;
                    }
                }

                wire.MessageFinished(Usage(step.Usage, written), calls.Count > 0);
                foreach (var call in calls)
                {
                    running = call;
                    await Task.Delay(settings.Pace, turn.Token).ConfigureAwait(false);
                    var outcome = await tools.RunAsync(call, wire.WriteAllowed, turn.Token).ConfigureAwait(false);
                    running = null;
                    wire.ToolFinished(call, outcome);
                }
            }

            wire.TurnFinished(TurnEnd.Completed(finalText));
        }
        catch (OperationCanceledException) when (interrupts.Fired || cancellationToken.IsCancellationRequested)
        {
            wire.TurnFinished(TurnEnd.Interrupted(running));
        }
    }

    /// <summary>Steps of the scenario the text names, or of the default scenario; a steer without a marker gets an acknowledgement.</summary>
    private IReadOnlyList<ScenarioStep> StepsFor(string text, bool steer = false)
    {
        var name = Marker().Matches(text) is { Count: > 0 } matches ? matches[^1].Groups["name"].Value : null;
        if (name is not null && settings.Scenarios.Find(name) is { } named)
        {
            return named.Steps;
        }

        if (steer)
        {
            return [new ScenarioStep(StepKind.Reply, [new TextBlock($"Understood, adjusting course: {Marker().Replace(text, "").Trim()}")])];
        }

        return settings.Scenarios.Find(settings.DefaultScenario)?.Steps
            ?? [new ScenarioStep(StepKind.Reply, [new TextBlock($"There is no scenario named '{name ?? settings.DefaultScenario}' to play.")])];
    }

    private void JoinSteers(LinkedList<ScenarioStep> steps)
    {
        var joined = new List<ScenarioStep>();
        while (inbox.TryRead(out var message))
        {
            if (message.Kind == SimulatorMessageKind.User)
            {
                wire.SteerJoined(message.Text);
                joined.AddRange(StepsFor(message.Text, steer: true));
            }
        }

        for (var i = joined.Count - 1; i >= 0; i--)
        {
            steps.AddFirst(joined[i]);
        }
    }

    private async Task StreamAsync(bool thinking, string text, TimeSpan pause, CancellationToken cancellationToken)
    {
        wire.BlockStarted(thinking);
        foreach (var chunk in Chunks(text))
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            wire.BlockDelta(thinking, chunk);
        }

        wire.BlockFinished(thinking, text);
    }

    private static IEnumerable<string> Chunks(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        for (var i = 0; i < words.Count; i += WordsPerChunk)
        {
            yield return string.Concat(words.Skip(i).Take(WordsPerChunk));
        }
    }

    private string ToolId() => (settings.Agent == AgentKind.Codex ? "call_sim_" : "toolu_sim_") + (++_toolCalls).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The scenario's figures, else the defaults the reference transcripts were captured with; output grows with the text.</summary>
    private TokenUsage Usage(ScenarioUsage? usage, int characters)
    {
        var output = usage?.OutputTokens ?? Math.Max(1, characters / 4);
        return settings.Agent == AgentKind.Codex
            ? new TokenUsage(usage?.InputTokens ?? 500, usage?.CacheReadInputTokens ?? 1500, 0, output, usage?.ReasoningTokens ?? 20)
            : new TokenUsage(usage?.InputTokens ?? 120, usage?.CacheReadInputTokens ?? 200, usage?.CacheCreationInputTokens ?? 30, output, 0);
    }

    [GeneratedRegex(@"\[\[S:(?<name>[^\]\s]+)\]\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Word();
}
