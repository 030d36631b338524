using System.Text.Json;
using AgentDeck.Agents.Drivers.Shared;

namespace AgentDeck.Agents.Drivers.Codex;

/// <summary>
/// The JSON-RPC lines a client writes to <c>codex app-server</c> (agent-protocols.md §2.6), numbering requests from 1.
/// </summary>
public sealed class CodexRpc
{
    private long lastId;

    public long LastId => lastId;

    public string Initialize(string clientName, string clientVersion) => Request("initialize", w =>
    {
        w.WriteStartObject("clientInfo");
        w.WriteString("name", clientName);
        w.WriteNull("title");
        w.WriteString("version", clientVersion);
        w.WriteEndObject();
        w.WriteNull("capabilities");
    });

    public static string Initialized() => JsonLine.Object(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        w.WriteString("method", "initialized");
    });

    public string ThreadStart(string cwd, string sandbox, string? model, string? developerInstructions) => Request("thread/start", w =>
    {
        w.WriteString("cwd", cwd);
        w.WriteString("sandbox", sandbox);
        // Nobody answers approval requests in a worker; the sandbox alone decides, as with codex exec.
        w.WriteString("approvalPolicy", "never");
        if (!string.IsNullOrWhiteSpace(model))
        {
            w.WriteString("model", model);
        }

        if (!string.IsNullOrWhiteSpace(developerInstructions))
        {
            w.WriteString("developerInstructions", JsonLine.Clean(developerInstructions));
        }
    });

    public string TurnStart(string threadId, string text) => Request("turn/start", w =>
    {
        w.WriteString("threadId", threadId);
        WriteInput(w, text);
    });

    public string TurnSteer(string threadId, string expectedTurnId, string text) => Request("turn/steer", w =>
    {
        w.WriteString("threadId", threadId);
        w.WriteString("expectedTurnId", expectedTurnId);
        WriteInput(w, text);
    });

    public string TurnInterrupt(string threadId, string turnId) => Request("turn/interrupt", w =>
    {
        w.WriteString("threadId", threadId);
        w.WriteString("turnId", turnId);
    });

    /// <summary>Refuses a server request (an approval nobody will answer) so the server does not wait forever.</summary>
    public static string Decline(JsonElement requestId) => JsonLine.Object(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("id");
        requestId.WriteTo(w);
        w.WriteStartObject("result");
        w.WriteString("decision", "decline");
        w.WriteEndObject();
    });

    public static string MethodNotHandled(JsonElement requestId, string method) => JsonLine.Object(w =>
    {
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("id");
        requestId.WriteTo(w);
        w.WriteStartObject("error");
        w.WriteNumber("code", -32601);
        w.WriteString("message", $"AgentDeck workers do not answer {method}");
        w.WriteEndObject();
    });

    private string Request(string method, Action<Utf8JsonWriter> writeParams)
    {
        var id = ++lastId;
        return JsonLine.Object(w =>
        {
            w.WriteString("jsonrpc", "2.0");
            w.WriteString("method", method);
            w.WriteNumber("id", id);
            w.WriteStartObject("params");
            writeParams(w);
            w.WriteEndObject();
        });
    }

    private static void WriteInput(Utf8JsonWriter w, string text)
    {
        w.WriteStartArray("input");
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", JsonLine.Clean(text));
        w.WriteStartArray("text_elements");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
