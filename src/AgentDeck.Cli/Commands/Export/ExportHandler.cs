using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;

namespace AgentDeck.Cli.Commands.Export;

/// <summary>Prints a run's markdown report; the diff stat comes from git when the run's folder is a repository.</summary>
public sealed class ExportHandler(CliContext context, IProcessRunner runner)
{
    public async Task<int> RunAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        using var services = WorkerServices.OpenForReading(context.Console);
        var run = services.Resolve(idOrPrefix);
        var events = services.Ledger.ReadEvents(run.Id, 1, int.MaxValue);
        var diffStat = run.Cwd is { } cwd && Directory.Exists(cwd) ? await DiffStatAsync(cwd, cancellationToken).ConfigureAwait(false) : null;
        context.Console.Out.Write(RunMarkdown.Write(run, events, diffStat));
        return ExitCodes.Ok;
    }

    private async Task<string?> DiffStatAsync(string cwd, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(ProcessSpec.For("git", "diff", "--stat", "HEAD") with { WorkingDirectory = cwd },
                null, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? result.Stdout.TrimEnd() : null;
        }
        catch (ProcessStartException)
        {
            return null;
        }
    }
}
