using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Tui;

/// <summary><c>agentdeck tui [--theme T] [--all] [--read-only]</c>, also what plain <c>agentdeck</c> opens.</summary>
public static class TuiCommand
{
    /// <summary>Adds the <c>tui</c> verb and makes the bare <c>agentdeck</c> open the screen with default options.</summary>
    public static Command Register(RootCommand root, CliContext context)
    {
        var theme = new Option<string?>("--theme") { Description = "Theme name (dark, light, high-contrast, terminal, or NAME.json in ~/.config/agentdeck/themes) or a theme file path." };
        var all = new Option<bool>("--all") { Description = "Show every run, not only the current repository's." };
        var readOnly = new Option<bool>("--read-only") { Description = "Hide and refuse dangerous actions such as stop." };
        var command = new Command("tui", "Open the full-screen mission control on this repository's runs (q quits; workers keep running).")
        {
            theme, all, readOnly,
        };
        command.SetAction(result => new TuiHandler(context).Run(result.GetValue(theme), result.GetValue(all), result.GetValue(readOnly)));
        root.SetAction(_ => new TuiHandler(context).Run(theme: null, showAll: false, readOnly: false));
        root.Add(command);
        return command;
    }
}
