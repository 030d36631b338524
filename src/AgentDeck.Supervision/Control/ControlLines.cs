using System.Text.Json;

namespace AgentDeck.Supervision.Control;

/// <summary>The JSON-line form of control requests and replies, for transports other than <see cref="ControlClient"/>.</summary>
public static class ControlLines
{
    public static string Write(ControlRequest request) => JsonSerializer.Serialize(request, SupervisionJsonContext.Default.ControlRequest);

    public static string Write(ControlReply reply) => JsonSerializer.Serialize(reply, SupervisionJsonContext.Default.ControlReply);

    /// <summary>The request, or null when the line is not one.</summary>
    public static ControlRequest? ReadRequest(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, SupervisionJsonContext.Default.ControlRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The reply; a line that is not one reads as a failure saying so.</summary>
    public static ControlReply ReadReply(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, SupervisionJsonContext.Default.ControlReply) ?? ControlReply.Failure("the supervisor host sent an empty answer");
        }
        catch (JsonException)
        {
            return ControlReply.Failure("the supervisor host's answer is not a control reply");
        }
    }
}
