using System.Diagnostics;

namespace AgentDeck.Benchmarks;

/// <summary>
/// Where a deck frame's time and garbage go: bytes allocated and time taken by poll, draw and diff of each streaming
/// frame, and gen0 collections per 1,000 frames. Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- alloc-probe
/// </summary>
internal static class FrameStageProbe
{
    private static readonly string[] Stages = ["poll", "draw", "diff"];

    public static void Run(int count = 2000)
    {
        var frames = new DeckFrameBenchmark();
        frames.Setup();
        var bytes = new long[3];
        var times = new double[3][];
        for (var s = 0; s < 3; s++)
        {
            times[s] = new double[count];
        }

        var gen0 = GC.CollectionCount(0);
        for (var i = 0; i < count; i++)
        {
            var stages = frames.MeasureStages();
            for (var s = 0; s < 3; s++)
            {
                bytes[s] += stages[s].Bytes;
                times[s][i] = stages[s].Ticks * 1000.0 / Stopwatch.Frequency;
            }
        }

        var collections = GC.CollectionCount(0) - gen0;
        Console.WriteLine($"per frame: poll {bytes[0] / count:N0} B, draw {bytes[1] / count:N0} B, diff {bytes[2] / count:N0} B; " +
            $"gen0 collections: {collections * 1000.0 / count:0.#} per 1,000 frames");
        for (var s = 0; s < 3; s++)
        {
            Array.Sort(times[s]);
            Console.WriteLine($"{Stages[s]}: median {times[s][count / 2]:0.000} ms, p95 {times[s][count * 95 / 100]:0.000} ms, " +
                $"p99 {times[s][count * 99 / 100]:0.000} ms, max {times[s][^1]:0.000} ms");
        }
    }
}
