using System.Globalization;
using System.Text;
using AgentDeck.Toml;

namespace AgentDeck.Discovery.TomlFiles;

/// <summary>Writes a scalar TOML value back as TOML text, for Codex's <c>-c key=value</c> overrides.</summary>
internal static class TomlLiteral
{
    public static string? Format(TomlValue value) => value switch
    {
        TomlString text => Quote(text.Value),
        TomlBoolean flag => flag.Value ? "true" : "false",
        TomlInteger whole => whole.Value.ToString(CultureInfo.InvariantCulture),
        TomlFloat number when double.IsFinite(number.Value) => number.Value.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var character in text)
        {
            builder.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(character) => $"\\u{(int)character:X4}",
                _ => character.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
