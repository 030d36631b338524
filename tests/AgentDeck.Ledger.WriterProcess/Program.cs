using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

// Usage: append <ledger file> <writer name> <events per run> <batch size> <start gate file> <run id>...
// Waits until the gate file exists (so that all writers start together), then appends "<writer>:<run>:<n>" notices to every run, interleaving runs batch by batch, each batch in its own
// transaction, so that several of these processes contend for the same runs at once.
if (args.Length < 7 || args[0] != "append")
{
    Console.Error.WriteLine("usage: append <ledger file> <writer name> <events per run> <batch size> <start gate file> <run id>...");
    return 2;
}

var (file, writer, perRun, batchSize, gate, runs) = (args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args[5], args[6..]);
var waitUntil = DateTime.UtcNow.AddMinutes(1);
while (!File.Exists(gate) && DateTime.UtcNow < waitUntil)
{
    Thread.Sleep(5);
}

try
{
    using var ledger = SqliteRunLedger.Open(file, new LedgerOptions { BusyTimeout = TimeSpan.FromSeconds(30) });
    for (var start = 0; start < perRun; start += batchSize)
    {
        foreach (var run in runs)
        {
            var batch = Enumerable.Range(start, Math.Min(batchSize, perRun - start))
                .Select(n => new EventToAppend(new Notice("info", $"{writer}:{run}:{n}"), RunStream.Stdout, n + 1, DateTimeOffset.UtcNow, (ReadOnlyMemory<byte>?)null))
                .ToArray();
            ledger.AppendEvents(run, batch);
        }
    }

    return 0;
}
catch (LedgerException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
