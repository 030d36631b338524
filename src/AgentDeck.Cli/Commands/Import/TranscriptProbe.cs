using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Cli.Commands.Import;

/// <summary>
/// What the head of a transcript says before anything is recorded: its session, and whether any line is the agent's
/// own format at all. Reading stops at the first such line once the session is known (or can no longer be).
/// </summary>
public sealed record TranscriptProbe(SessionStarted? Session, bool HasLines, bool HasAgentLines)
{
    private const int LinesToScanForSession = 64;

    public static TranscriptProbe Of(IAgentStreamParser parser, byte[] content)
    {
        SessionStarted? session = null;
        var hasLines = false;
        var hasAgentLines = false;
        var events = new List<AgentEvent>();
        using var reader = new StreamLineReader(new MemoryStream(content));
        for (var scanned = 0; reader.TryReadLine(out var line); scanned++)
        {
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            hasLines = true;
            events.Clear();
            parser.ParseLine(line.Span, events);
            session ??= scanned < LinesToScanForSession ? events.OfType<SessionStarted>().FirstOrDefault() : null;
            // Unreadable lines and lines of another format (read as protocol notes) are not the agent's output.
            hasAgentLines |= events.Any(e => e is not (Unparsed or ProtocolNote));
            if (hasAgentLines && (session is not null || scanned >= LinesToScanForSession))
            {
                break;
            }
        }

        return new TranscriptProbe(session, hasLines, hasAgentLines);
    }
}
