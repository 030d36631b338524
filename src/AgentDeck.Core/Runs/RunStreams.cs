namespace AgentDeck.Core.Runs;

/// <summary>Wire names of <see cref="RunStream"/> as stored in the ledger (<c>stdout</c>, <c>stderr</c>).</summary>
public static class RunStreams
{
    public static string ToName(this RunStream stream) => stream switch
    {
        RunStream.Stdout => "stdout",
        RunStream.Stderr => "stderr",
        _ => throw new ArgumentOutOfRangeException(nameof(stream), stream, null),
    };

    public static bool TryParse(string? name, out RunStream stream)
    {
        switch (name)
        {
            case "stdout": stream = RunStream.Stdout; return true;
            case "stderr": stream = RunStream.Stderr; return true;
            default: stream = default; return false;
        }
    }
}
