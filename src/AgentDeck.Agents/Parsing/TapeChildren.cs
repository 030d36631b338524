namespace AgentDeck.Agents.Parsing;

/// <summary>
/// Steps through a container's children on a <see cref="JsonTape"/>: an array's items, or an object's keys (each
/// followed by its value, so the next key is where the value's subtree ends).
/// </summary>
internal struct TapeChildren
{
    private readonly int _end;
    private readonly int _valueOffset;
    private int _next;

    public TapeChildren(JsonTape tape, int container, bool membersOfObject)
    {
        Tape = tape;
        _end = tape.Entry(container).Next;
        _valueOffset = membersOfObject ? 1 : 0;
        _next = container + 1;
        Current = -1;
    }

    public JsonTape Tape { get; }

    /// <summary>The item, or for an object the key, the last <see cref="MoveNext"/> moved to.</summary>
    public int Current { get; private set; }

    public bool MoveNext()
    {
        if (_next >= _end)
        {
            return false;
        }

        Current = _next;
        _next = Tape.Entry(Current + _valueOffset).Next;
        return true;
    }
}
