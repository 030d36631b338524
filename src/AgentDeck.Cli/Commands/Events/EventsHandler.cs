using System.Text;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Commands.Events;

/// <summary>Pages through a run's events; with follow, polls the ledger (which any writer process may be filling).</summary>
public sealed class EventsHandler(CliContext context, TimeSpan pollInterval)
{
    private const int Page = 1000;

    public async Task<int> RunAsync(string runIdOrPrefix, bool json, bool follow, bool includeRaw, CancellationToken cancel)
    {
        var run = RunLookup.Resolve(context, runIdOrPrefix);
        var ledger = context.OpenLedger(readOnly: true);
        long next = 1;
        while (!cancel.IsCancellationRequested)
        {
            var page = ledger.ReadEvents(run.Id, next, Page, includeRaw);
            foreach (var stored in page)
            {
                Print(stored, json, includeRaw);
                next = stored.Seq + 1;
            }

            if (page.Count == Page)
            {
                continue;
            }

            context.Console.Out.Flush();
            if (!follow || IsOver(ledger, run.Id, next))
            {
                break;
            }

            try
            {
                await Task.Delay(pollInterval, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>The run has ended (or its supervisor died: it is marked lost, and that ends the follow too) and every event is printed.</summary>
    private bool IsOver(IRunLedger ledger, string runId, long next) =>
        ledger.FindRun(runId) is not { } current || (LiveRuns.Checked(context, current).Status.IsFinal() && ledger.LastSeq(runId) < next);

    private void Print(StoredEvent stored, bool json, bool includeRaw)
    {
        var output = context.Console.Out;
        if (json)
        {
            JsonOutput.Write(output, writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", stored.Seq);
                writer.WriteNumber("line", stored.LineNo);
                writer.WriteString("stream", stored.Stream.ToName());
                writer.WriteString("time", stored.Time);
                writer.WritePropertyName("event");
                writer.WriteRawValue(stored.Payload, skipInputValidation: true);
                if (includeRaw && stored.Raw is { } raw)
                {
                    writer.WriteString("raw", Encoding.UTF8.GetString(raw));
                }

                writer.WriteEndObject();
            });
            return;
        }

        var summary = stored.ToEvent() is { } e ? EventSummary.Of(e) : stored.Kind;
        output.WriteLine($"{stored.Seq,6}  {stored.Time.ToLocalTime():HH:mm:ss.fff}  {stored.Kind,-18}  {summary}");
    }
}
