using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Logging;

/// <summary>
/// Every request the server answered, in order; optionally also one JSON file per request in a directory, readable by
/// its owner alone (folder 0700, files 0600) and with credential headers masked: the files hold prompts and code.
/// </summary>
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
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
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
            ["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)SecretHeaders.Masked(h.Key, h.Value)))),
            ["body"] = TryParse(body),
        };
        var file = Path.Combine(_directory, $"{record.Sequence:D4}-{record.Api.ToString().ToLowerInvariant()}.json");
        WritePrivately(file, entry.ToJsonString(FileJson));
    }

    private static void WritePrivately(string file, string text)
    {
        // A file left by an earlier server in the same folder keeps its mode when overwritten: made anew instead.
        File.Delete(file);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(file, options);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
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
