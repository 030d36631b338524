using System.Text;
using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>One-line, length-capped summaries of tool inputs and outputs for lists and status lines.</summary>
internal static class Summary
{
    public const int InputMax = 200;
    public const int OutputMax = 500;

    /// <summary>Input fields that say best what a tool call does, most telling first (shared by every agent's tool names).</summary>
    private static readonly byte[][] TellingInputKeys =
    [
        .. new[]
        {
            "command", "file_path", "filePath", "notebook_path", "path", "absolute_path", "pattern", "url", "query",
            "description", "prompt", "skill", "todos",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    /// <summary>Collapses whitespace runs (newlines included) into single spaces and cuts to <paramref name="max"/> characters.</summary>
    public static string OneLine(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length <= max && IsAlreadyOneLine(text))
        {
            // Most texts need no change; skipping the copy matters on the ingest path.
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, max + 1));
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

    /// <summary>True when <see cref="OneLine"/> would return the text unchanged: single inner spaces only, no other whitespace or control.</summary>
    private static bool IsAlreadyOneLine(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i - 1] == ' ')
                {
                    return false;
                }
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A tool input as one line: its most telling field (a Bash command, a written path), else compact JSON.</summary>
    public static string OfInput(TapeElement? input)
    {
        if (input is not { } value)
        {
            return string.Empty;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return OneLine(value.GetString(), InputMax);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return OneLine(value.GetRawText(), InputMax);
        }

        foreach (var key in TellingInputKeys)
        {
            if (value.TryGetProperty(key, out var field) && field.ValueKind == JsonValueKind.String &&
                !string.IsNullOrWhiteSpace(field.GetString()))
            {
                return OneLine(field.GetString(), InputMax);
            }
        }

        return OneLine(value.GetRawText(), InputMax);
    }

    /// <summary>A tool result as one line: a string, or the text blocks of a content array, or compact JSON.</summary>
    public static string OfOutput(TapeElement? output)
    {
        switch (output)
        {
            case null:
                return string.Empty;
            case { ValueKind: JsonValueKind.String } text:
                return OneLine(text.GetString(), OutputMax);
            case { ValueKind: JsonValueKind.Array } blocks:
                var builder = new StringBuilder();
                foreach (var block in blocks.EnumerateArray())
                {
                    if (block.Str("text"u8) is { } part)
                    {
                        builder.Append(part).Append(' ');
                        if (builder.Length > OutputMax)
                        {
                            break;
                        }
                    }
                }

                return OneLine(builder.ToString(), OutputMax);
            case { ValueKind: JsonValueKind.Null }:
                return string.Empty;
            case { } other:
                return OneLine(other.GetRawText(), OutputMax);
        }
    }
}
