namespace AgentDeck.Ledger;

/// <summary>
/// Events are stored packed, several to a row of <c>event_chunks</c>: one SQLite row costs several microseconds
/// whatever its size, more than parsing a typical line, so ingest writes one row per chunk of up to
/// <see cref="MaxEvents"/> events. Reading any seq decodes at most one chunk before it.
/// </summary>
internal static class EventChunkFormat
{
    /// <summary>The first byte of every chunk body: bump it and keep a reader for the old one if the layout changes.</summary>
    public const byte Version = 1;

    public const int MaxEvents = 64;

    /// <summary>A chunk is closed early once its body passes this size, so one read never decodes much more than it needs.</summary>
    public const int MaxBytes = 64 * 1024;

    public const byte NoRaw = 0;
    public const byte InlineRaw = 1;
    public const byte LoggedRaw = 2;
}
