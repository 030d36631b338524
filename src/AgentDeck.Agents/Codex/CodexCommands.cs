using System.Globalization;

namespace AgentDeck.Agents.Codex;

/// <summary>Text helpers for Codex commands and error messages.</summary>
internal static class CodexCommands
{
    private static readonly string[] ShellWrappers = ["/bin/bash -lc ", "bash -lc ", "/bin/sh -c ", "sh -c ", "/bin/zsh -lc ", "zsh -lc "];

    /// <summary>The command the model asked for, without Codex's <c>/bin/bash -lc '…'</c> wrapper.</summary>
    public static string Unwrap(string? command)
    {
        if (string.IsNullOrEmpty(command))
        {
            return string.Empty;
        }

        foreach (var wrapper in ShellWrappers)
        {
            if (command.StartsWith(wrapper, StringComparison.Ordinal))
            {
                var inner = command[wrapper.Length..];
                return inner.Length >= 2 && inner[0] is '\'' or '"' && inner[^1] == inner[0] ? inner[1..^1] : inner;
            }
        }

        return command;
    }

    /// <summary>The HTTP status in messages like "unexpected status 401 Unauthorized" or "last status: 429 Too Many Requests".</summary>
    public static int? HttpStatus(string message)
    {
        var at = message.IndexOf("status", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var i = at + "status".Length;
            while (i < message.Length && (message[i] == ' ' || message[i] == ':'))
            {
                i++;
            }

            if (i + 3 <= message.Length && int.TryParse(message.AsSpan(i, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) &&
                code is >= 100 and <= 599 && (i + 3 == message.Length || !char.IsDigit(message[i + 3])))
            {
                return code;
            }

            at = message.IndexOf("status", i, StringComparison.OrdinalIgnoreCase);
        }

        return null;
    }
}
