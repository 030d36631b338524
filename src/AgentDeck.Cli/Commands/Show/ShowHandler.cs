using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Escalation;

namespace AgentDeck.Cli.Commands.Show;

/// <summary>Prints a run as JSON or as a short human summary.</summary>
public sealed class ShowHandler(CliContext context)
{
    public int Run(string runIdOrPrefix, bool json)
    {
        var ledger = RunLookup.Open(context, runIdOrPrefix);
        var run = LiveRuns.Checked(context, ledger.ResolveRun(runIdOrPrefix));
        var escalatedTo = EscalationLinks.EscalatedTo(ledger, run);
        var failure = FailureDetail.Of(ledger, run);
        if (json)
        {
            JsonOutput.Write(context.Console.Out, writer => RunJson.Write(writer, run, escalatedTo: escalatedTo, failure: failure));
            return ExitCodes.Ok;
        }

        var output = context.Console.Out;
        output.WriteLine($"run       {run.Id}  ({run.Agent}{(run.Role is { } role ? ", " + role : "")}{(run.Model is { } model ? ", " + model : "")})");
        output.WriteLine($"status    {RunOutcomeLabel.Of(run)}{(run.FailureReason is { Length: > 0 } reason ? " — " + reason : "")}{(failure?.HttpStatus is { } http ? $" (HTTP {http})" : "")}");
        if (failure?.Detail is { } detail)
        {
            output.WriteLine($"detail    {RunFormat.Excerpt(detail, 200)}");
        }

        if (escalatedTo is not null)
        {
            output.WriteLine($"escalated {escalatedTo} (the role's fallback took over; 'agentdeck show {escalatedTo}')");
        }

        output.WriteLine($"session   {run.SessionId ?? "-"}");
        output.WriteLine($"started   {run.StartedAt:u}{(run.EndedAt is { } ended ? $", took {RunFormat.Duration(ended - run.StartedAt)}" : "")}");
        output.WriteLine($"tokens    {RunFormat.Tokens(run.Tokens)}");
        output.WriteLine($"cost      {RunFormat.Cost(run)}");
        output.WriteLine($"tools     {run.ToolCalls} call(s)");
        output.WriteLine($"files     {(run.FilesTouched.Count == 0 ? "-" : string.Join(", ", run.FilesTouched))}");
        output.WriteLine($"events    {run.EventCount}");
        if (run.Prompt is { } prompt)
        {
            output.WriteLine($"prompt    {RunFormat.Excerpt(prompt, 200)}");
        }

        if (run.FinalText is { } text)
        {
            output.WriteLine();
            output.WriteLine(text);
        }

        return ExitCodes.Ok;
    }
}
