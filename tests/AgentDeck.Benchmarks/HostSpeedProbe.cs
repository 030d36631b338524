using System.Runtime.Intrinsics;

namespace AgentDeck.Benchmarks;

/// <summary>
/// A fixed piece of vector work over 128 KiB that stays in cache (compares, mask moves, bit counts: the mix of the JSON
/// structure pass), timed in this thread's CPU. The same work takes the same CPU time unless the host shares the
/// core: this box's host runs it in either ~1× or ~1.5–2× its best time, minutes or seconds at a time, which is what
/// swings the ingest figures. Independent of AgentDeck's code, so a change to the code does not move it.
/// </summary>
public sealed class HostSpeedProbe
{
    private const int Bytes = 128 * 1024;
    private const int Passes = 16;

    private readonly byte[] _data = new byte[Bytes];

    public HostSpeedProbe()
    {
        for (var i = 0; i < _data.Length; i++)
        {
            _data[i] = (byte)((i * 7) & 0x7F);
        }
    }

    /// <summary>Runs the work once; this thread's CPU nanoseconds it took (~50 µs at full speed here).</summary>
    public long Run()
    {
        var start = ThreadCpu.Nanos();
        var quote = Vector256.Create((byte)'"');
        var backslash = Vector256.Create((byte)'\\');
        long count = 0;
        for (var pass = 0; pass < Passes; pass++)
        {
            for (var at = 0; at < _data.Length; at += Vector256<byte>.Count)
            {
                var block = Vector256.Create(_data.AsSpan(at, Vector256<byte>.Count));
                var mask = (Vector256.Equals(block, quote) | Vector256.Equals(block, backslash)).ExtractMostSignificantBits();
                count += System.Numerics.BitOperations.PopCount(mask);
            }
        }

        GC.KeepAlive(count);
        return ThreadCpu.Nanos() - start;
    }
}
