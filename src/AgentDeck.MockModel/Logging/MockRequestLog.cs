using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Logging;

/// <summary>Every request the server answered, in order; optionally also one JSON file per request in a directory.</summary>
public sealed class MockRequestLog
{
    private static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private readonly List<MockRequestRecord> _records = [];
    private readonly Lock _gate = new();
    private readonly string? _directory;
    private int _sequence;

    public MockRequestLog(string? directory)
    {
        _directory = directory;
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
    }

    public IReadOnlyList<MockRequestRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    internal int NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(MockRequestRecord record, IReadOnlyDictionary<string, string> headers, string body)
    {
        lock (_gate)
        {
            _records.Add(record);
        }

        if (_directory is null)
        {
            return;
        }

        var entry = new JsonObject
        {
            ["record"] = JsonSerializer.SerializeToNode(record, FileJson),
            ["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            ["body"] = TryParse(body),
        };
        var file = Path.Combine(_directory, $"{record.Sequence:D4}-{record.Api.ToString().ToLowerInvariant()}.json");
        File.WriteAllText(file, entry.ToJsonString(FileJson));
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
