using AgentDeck.Agents.Parsing;
using AgentDeck.Core;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The tape alone (<see cref="JsonTape"/>: the vector structure pass, then the grammar walk) over every transcript line
/// of one agent, in this thread's CPU time, best of many rounds. The lines stay in cache, so the figure is the code's,
/// not the memory's, and resolves changes of a few percent on a busy box.
/// Run: dotnet run -c Release --project tests/AgentDeck.Benchmarks -- tape-probe [claude|codex] [passes per round] [rounds]
/// </summary>
public static class TapeProbe
{
    public static void Run(AgentKind agent, int passes, int rounds)
    {
        var lines = TranscriptFiles.For(agent).SelectMany(File.ReadAllLines).Where(l => l.Trim().Length > 0).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var tape = new JsonTape();
        var longest = lines.Max(l => l.Length) + JsonStructure.BlockBytes;
        var copy = new byte[longest];
        var places = new int[longest + 8];
        var backslashes = new ulong[(longest / JsonStructure.BlockBytes) + 1];
        var structureBest = double.MaxValue;
        var tapeBest = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            // The structure pass with the copy and padding the tape makes, so that the difference is the walk.
            var start = ThreadCpu.Nanos();
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var line in lines)
                {
                    line.CopyTo(copy, 0);
                    copy.AsSpan(line.Length, JsonStructure.BlockBytes).Fill((byte)' ');
                    JsonStructure.List(copy, line.Length, places, backslashes, listColons: false, out _, out _, out _);
                }
            }

            structureBest = Math.Min(structureBest, (ThreadCpu.Nanos() - start) / (double)(passes * lines.Length));
            start = ThreadCpu.Nanos();
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var line in lines)
                {
                    tape.TryRead(line);
                }
            }

            tapeBest = Math.Min(tapeBest, (ThreadCpu.Nanos() - start) / (double)(passes * lines.Length));
        }

        Console.WriteLine($"{agent} tape, best of {rounds} rounds: structure pass {structureBest:0} ns/line, whole tape {tapeBest:0} ns/line (walk ~{tapeBest - structureBest:0})");
    }
}
