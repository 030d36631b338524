using System.Text;

namespace AgentDeck.Tui.Keys;

/// <summary>Renders docs/keybindings.md from the command table, so the docs cannot drift from the keys.</summary>
public static class KeybindingsDocument
{
    public static string Render(KeyMap map)
    {
        var text = new StringBuilder();
        text.Append("# AgentDeck keybindings\n\n");
        text.Append("<!-- Generated from src/AgentDeck.Tui/Keys/DeckCommands.cs by the Tui tests; do not edit by hand.\n");
        text.Append("     Regenerate with: AGENTDECK_UPDATE_DOCS=1 dotnet test tests/AgentDeck.Tui.Tests -->\n\n");
        text.Append("Remap any action in `~/.config/agentdeck/config.toml`:\n\n");
        text.Append("```toml\n[keys]\nspawn = \"N\"\nstop = [\"x\", \"Ctrl+x\"]\n```\n\n");
        text.Append("An unknown action or key name is reported by name when the screen opens, and the defaults stay in force.\n");
        text.Append("Dangerous actions ask for confirmation and are hidden in read-only mode (`agentdeck tui --read-only`).\n");
        foreach (var scope in Enum.GetValues<KeyScope>())
        {
            text.Append("\n## ").Append(scope switch
            {
                KeyScope.Global => "Everywhere",
                KeyScope.Grid => "Worker grid",
                _ => "Focused worker",
            }).Append("\n\n| Key | Action | Description |\n|---|---|---|\n");
            foreach (var command in map.Commands.Where(c => c.Scope == scope))
            {
                var flags = command.Dangerous ? " (dangerous: confirms)" : "";
                text.Append("| `").Append(map.KeyText(command.Id).Replace("|", "\\|", StringComparison.Ordinal)).Append("` | ")
                    .Append(command.Id).Append(" | ").Append(command.Description).Append(flags).Append(" |\n");
            }
        }

        return text.ToString();
    }
}
