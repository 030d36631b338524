using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentDeck.MockModel.Wire;

/// <summary>
/// JSON as the real APIs write it: quotes, '+', '&lt;' and non-ASCII stay readable (the CLIs print error bodies as is).
/// </summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
