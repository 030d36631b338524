using System.Globalization;
using System.Text;

namespace AgentDeck.Agents.Drivers.Shared;

/// <summary>
/// TOML basic strings for Codex <c>-c key=value</c> overrides, whose value Codex parses as TOML: a persona holding
/// quotes, backslashes or newlines must arrive as the same text.
/// </summary>
internal static class TomlString
{
    public static string Basic(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in JsonLine.Clean(text))
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>One <c>-c</c> override value: <c>key="escaped value"</c>.</summary>
    public static string Override(string key, string value) => key + "=" + Basic(value);
}
