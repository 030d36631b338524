using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgentDeck.MockModel.Wire;

/// <summary>Writes server-sent events ("event: x\ndata: {json}\n\n"), flushing each, with an optional pause between.</summary>
internal sealed class SseWriter(HttpResponse response, int chunkDelayMs, CancellationToken cancel)
{
    private bool _first = true;

    public static void Start(HttpResponse response, string requestId)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["request-id"] = requestId;
    }

    public async Task WriteAsync(string eventName, JsonObject data)
    {
        if (!_first && chunkDelayMs > 0)
        {
            await Task.Delay(chunkDelayMs, cancel);
        }

        _first = false;
        var bytes = Encoding.UTF8.GetBytes($"event: {eventName}\ndata: {data.ToJsonString(WireJson.Options)}\n\n");
        await response.Body.WriteAsync(bytes, cancel);
        await response.Body.FlushAsync(cancel);
    }

    /// <summary>Splits text into chunks of a few words, as a model stream would.</summary>
    public static IReadOnlyList<string> Chunks(string text, int wordsPerChunk = 3)
    {
        var words = text.Split(' ');
        var chunks = new List<string>();
        for (var i = 0; i < words.Length; i += wordsPerChunk)
        {
            var chunk = string.Join(' ', words.Skip(i).Take(wordsPerChunk));
            chunks.Add(i + wordsPerChunk < words.Length ? chunk + " " : chunk);
        }

        return chunks;
    }
}
