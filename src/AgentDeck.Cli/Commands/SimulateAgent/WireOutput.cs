using System.Text.Json.Nodes;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>Writes whole JSON lines to stdout, one at a time (the stdin reader answers handshakes from its own thread).</summary>
public sealed class WireOutput(TextWriter output)
{
    private readonly Lock _gate = new();

    public void Write(JsonObject line)
    {
        var text = line.ToJsonString();
        lock (_gate)
        {
            output.Write(text);
            output.Write('\n');
            output.Flush();
        }
    }
}
