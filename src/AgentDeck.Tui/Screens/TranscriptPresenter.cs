using System.Text;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Terminal;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// A run's stored events as transcript lines: prompts, steer messages (and who sent them), assistant text (deltas joined), tool calls (one line each,
/// with their output when expanded), thinking (deltas joined, or replaced by the whole thought when it follows; collapsed
/// to a marker unless expanded), errors and turn ends.
/// All agent text goes through <see cref="TextSanitizer"/>.
/// </summary>
public static class TranscriptPresenter
{
    public static IReadOnlyList<PaneLine> Lines(IReadOnlyList<StoredEvent> events, bool expanded)
    {
        var lines = new List<PaneLine>();
        var text = new StringBuilder();
        var thought = new StringBuilder();
        foreach (var stored in events)
        {
            var e = stored.ToEvent();
            if (e is AssistantText { IsDelta: true } delta)
            {
                FlushThought(lines, thought, expanded);
                text.Append(delta.Text);
                continue;
            }

            if (e is AssistantText full)
            {
                FlushThought(lines, thought, expanded);
                text.Clear();
                Add(lines, full.Text, ThemeRole.Text, "");
                continue;
            }

            if (e is Thinking { IsDelta: true } fragment)
            {
                Flush(lines, text);
                thought.Append(fragment.Text);
                continue;
            }

            if (e is Thinking whole)
            {
                // The agent streamed this thought in fragments and now sends it whole: it is shown once.
                Flush(lines, text);
                thought.Clear();
                AddThought(lines, whole.Text, expanded);
                continue;
            }

            Flush(lines, text);
            FlushThought(lines, thought, expanded);
            switch (e)
            {
                case UserMessage { IsSynthetic: false } user:
                    lines.Add(new PaneLine("", ThemeRole.Text));
                    Add(lines, user.Text, ThemeRole.Accent, "› ");
                    break;
                case SteerSent steer:
                    lines.Add(new PaneLine("", ThemeRole.Text));
                    Add(lines, $"steered from {steer.From}: {steer.Text}", ThemeRole.Accent, "» ");
                    break;
                case ToolCallStarted call:
                    Add(lines, $"{(expanded ? "▾" : "▸")} ⚙ {call.Name} {call.InputSummary}".TrimEnd(), ThemeRole.ToolCall, "", firstLineOnly: !expanded);
                    break;
                case ToolCallFinished done when expanded:
                    Add(lines, done.OutputSummary, done.IsError ? ThemeRole.Error : ThemeRole.Muted, "    ");
                    break;
                case ToolCallFinished { IsError: true } failed:
                    Add(lines, $"  ✖ {failed.Name} failed: {failed.OutputSummary}", ThemeRole.Error, "", firstLineOnly: true);
                    break;
                case PermissionRequested permission:
                    Add(lines, $"? permission asked for {permission.ToolName}: {permission.InputSummary}", ThemeRole.StateWaiting, "", firstLineOnly: true);
                    break;
                case ApiError error:
                    Add(lines, $"! API error{(error.HttpStatus is { } status ? $" {status}" : "")}: {error.Message}", ThemeRole.Error, "");
                    break;
                case Notice { Level: "error" or "warning" } notice:
                    Add(lines, $"! {notice.Message}", ThemeRole.Error, "", firstLineOnly: !expanded);
                    break;
                case TurnCompleted turn:
                    lines.Add(new PaneLine($"── turn {turn.Outcome.ToString().ToLowerInvariant()}{(turn.Reason is { } reason ? ": " + TextSanitizer.Default.SanitizeLine(reason) : "")} ──", ThemeRole.Muted));
                    break;
            }
        }

        Flush(lines, text);
        FlushThought(lines, thought, expanded);
        return lines;
    }

    private static void FlushThought(List<PaneLine> lines, StringBuilder thought, bool expanded)
    {
        if (thought.Length > 0)
        {
            AddThought(lines, thought.ToString(), expanded);
            thought.Clear();
        }
    }

    private static void AddThought(List<PaneLine> lines, string text, bool expanded)
    {
        if (expanded)
        {
            Add(lines, text, ThemeRole.Muted, "∴ ");
        }
        else
        {
            lines.Add(new PaneLine("∴ thinking…", ThemeRole.Muted));
        }
    }

    private static void Flush(List<PaneLine> lines, StringBuilder text)
    {
        if (text.Length > 0)
        {
            Add(lines, text.ToString(), ThemeRole.Text, "");
            text.Clear();
        }
    }

    private static void Add(List<PaneLine> lines, string text, ThemeRole role, string prefix, bool firstLineOnly = false)
    {
        var clean = TextSanitizer.Default.SanitizeLines(text);
        var indent = new string(' ', prefix.Length);
        for (var i = 0; i < clean.Count; i++)
        {
            if (firstLineOnly && i == 1)
            {
                lines[^1] = lines[^1] with { Text = lines[^1].Text + " …" };
                break;
            }

            lines.Add(new PaneLine((i == 0 ? prefix : indent) + clean[i], role));
        }
    }
}
