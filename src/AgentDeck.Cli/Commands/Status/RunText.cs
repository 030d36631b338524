using System.Globalization;
using AgentDeck.Cli.Common;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Commands.Status;

/// <summary>A run for people: one row for lists, a few lines for one run.</summary>
public static class RunText
{
    public static string Row(RunRecord run, string? phase) => string.Create(CultureInfo.InvariantCulture,
        $"{run.Id}  {run.Agent,-8} {Status(run, phase),-22} {Cost(run),12}  {Snippet(run.Prompt)}");

    public static void Details(TextWriter output, RunRecord run, string? phase)
    {
        output.WriteLine($"run      {run.Id}");
        output.WriteLine($"agent    {run.Agent}{(run.Model is { } m ? " / " + m : "")}{(run.Role is { } r ? " as " + r : "")}");
        output.WriteLine($"status   {Status(run, phase)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"started  {run.StartedAt:u}{(run.EndedAt is { } e ? $"  ended {e:u}" : "")}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokens   in {run.Tokens.TotalInput}  out {run.Tokens.Output}   cost {Cost(run)}   tools {run.ToolCalls}{(run.DeniedToolCalls > 0 ? $" ({run.DeniedToolCalls} denied)" : "")}"));
        if (run.FilesTouched.Count > 0)
        {
            output.WriteLine($"files    {string.Join(", ", run.FilesTouched)}");
        }

        if (run.Route is { } route)
        {
            output.WriteLine($"route    {route}: {route.Reason}");
        }

        output.WriteLine($"prompt   {Snippet(run.Prompt)}");
        if (run.FinalText is { } text)
        {
            output.WriteLine($"result   {text}");
        }
    }

    private static string Status(RunRecord run, string? phase) => RunFormat.Status(run, phase ?? run.FailureReason);

    private static string Cost(RunRecord run) => RunFormat.Cost(run);

    private static string Snippet(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ").Trim();
        return line.Length > 60 ? line[..57] + "..." : line;
    }
}
