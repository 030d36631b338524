namespace AgentDeck.Agents.Parsing;

/// <summary>One member of a tape object: its name (a key entry) and the value right after it.</summary>
internal readonly struct TapeProperty
{
    private readonly JsonTape _tape;
    private readonly int _key;

    internal TapeProperty(JsonTape tape, int key)
    {
        _tape = tape;
        _key = key;
    }

    public string Name => _tape.Text(_key);

    public TapeElement Value => new(_tape, _key + 1);

    public bool NameEquals(ReadOnlySpan<byte> utf8Name) => _tape.KeyEquals(_key, utf8Name);
}
