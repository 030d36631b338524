using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>
/// Runs a scripted tool call for real in the worker's folder: writes and edits files, reads them, runs commands through
/// the process runner. A read-only worker is refused what its real CLI would refuse (Claude's dontAsk: edits and Bash;
/// Codex's read-only sandbox: edits); Claude's Glob and Grep search the folder.
/// </summary>
public sealed class SimulatedTools(SimulationSettings settings, IProcessRunner runner)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    public string Resolve(string path) =>
        Path.GetFullPath(path.Replace("{{workspace}}", settings.WorkingDirectory, StringComparison.Ordinal), settings.WorkingDirectory);

    public SimulatedToolCall Call(string id, ScenarioBlock block) => new(id, block, block switch
    {
        WriteFileBlock write => Resolve(write.Path),
        EditFileBlock edit => Resolve(edit.Path),
        ReadFileBlock read => Resolve(read.Path),
        _ => null,
    });

    public async Task<ToolOutcome> RunAsync(SimulatedToolCall call, bool writeAllowed, CancellationToken cancellationToken)
    {
        try
        {
            return call.Block switch
            {
                WriteFileBlock write => writeAllowed ? Write(call.FullPath!, write.Content) : Refuse(call),
                EditFileBlock edit => writeAllowed ? Edit(call.FullPath!, edit) : Refuse(call),
                ReadFileBlock => File.Exists(call.FullPath) ? new ToolOutcome(await File.ReadAllTextAsync(call.FullPath, cancellationToken).ConfigureAwait(false), false) : Missing(call.FullPath!),
                ShellBlock shell => writeAllowed || settings.Agent == AgentKind.Codex ? await ShellAsync(shell.Command, cancellationToken).ConfigureAwait(false) : Refuse(call),
                RawToolBlock { Name: "Glob" } glob when settings.Agent == AgentKind.Claude => new SimulatedSearch(settings.WorkingDirectory).Glob(glob.Input),
                RawToolBlock { Name: "Grep" } grep when settings.Agent == AgentKind.Claude => new SimulatedSearch(settings.WorkingDirectory).Grep(grep.Input),
                _ => new ToolOutcome($"{call.ClaudeName} is not available in this session.", true),
            };
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new ToolOutcome(error.Message, true);
        }
    }

    private static ToolOutcome Write(string path, string content)
    {
        var existed = File.Exists(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return new ToolOutcome(existed ? $"The file {path} has been updated successfully." : $"File created successfully at: {path}", false);
    }

    private static ToolOutcome Edit(string path, EditFileBlock edit)
    {
        if (!File.Exists(path))
        {
            return Missing(path);
        }

        var text = File.ReadAllText(path);
        var at = text.IndexOf(edit.OldText, StringComparison.Ordinal);
        if (at < 0)
        {
            return new ToolOutcome($"<tool_use_error>String to replace not found in file.\nString: {edit.OldText}</tool_use_error>", true);
        }

        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), edit.NewText, text.AsSpan(at + edit.OldText.Length)));
        return new ToolOutcome($"The file {path} has been updated successfully.", false);
    }

    private async Task<ToolOutcome> ShellAsync(string command, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            new ProcessSpec("/bin/sh", ["-c", command]) { WorkingDirectory = settings.WorkingDirectory },
            null, CommandTimeout, cancellationToken).ConfigureAwait(false);
        var output = (result.Stdout + result.Stderr).TrimEnd('\n');
        return new ToolOutcome(output, !result.Succeeded, result.ExitCode);
    }

    private static ToolOutcome Missing(string path) => new($"<tool_use_error>File does not exist. {path}</tool_use_error>", true);

    private ToolOutcome Refuse(SimulatedToolCall call) => ToolOutcome.Refused(settings.Agent == AgentKind.Codex
        ? "patch rejected: writing is blocked by the read-only sandbox"
        : $"Claude requested permissions to use {call.ClaudeName}, but you haven't granted it yet.");
}
