namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>One generated input line and the name of what was done to produce it.</summary>
internal sealed record Mutation(string Name, byte[] Bytes)
{
    public static byte[] Splice(byte[] line, int start, int end, ReadOnlySpan<byte> insert)
    {
        var result = new byte[line.Length - (end - start) + insert.Length];
        line.AsSpan(0, start).CopyTo(result);
        insert.CopyTo(result.AsSpan(start));
        line.AsSpan(end).CopyTo(result.AsSpan(start + insert.Length));
        return result;
    }

    public static byte[] Insert(byte[] line, int at, ReadOnlySpan<byte> insert) => Splice(line, at, at, insert);
}
