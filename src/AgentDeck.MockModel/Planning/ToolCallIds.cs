using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentDeck.MockModel.Planning;

/// <summary>
/// Tool call ids encode the scenario, step and block they came from ("toolu_mock_tools_2_1", "call_mock_tools_2_1"),
/// so a tool result coming back tells the mock how far the conversation has got, and results issued under another
/// scenario (before a steering or resumed prompt switched it) can be told apart.
/// </summary>
internal static partial class ToolCallIds
{
    public static string Anthropic(string scenario, int step, int block) => $"toolu_mock_{Tag(scenario)}_{step}_{block}";

    public static string Responses(string scenario, int step, int block) => $"call_mock_{Tag(scenario)}_{step}_{block}";

    /// <summary>The scenario name reduced to the characters tool ids allow.</summary>
    public static string Tag(string scenario) => UnsafeChars().Replace(scenario, "-");

    public static bool TryParse(string id, out string tag, out int step, out int block)
    {
        var match = Pattern().Match(id);
        tag = match.Success ? match.Groups["tag"].Value : "";
        step = match.Success ? int.Parse(match.Groups["step"].Value, CultureInfo.InvariantCulture) : -1;
        block = match.Success ? int.Parse(match.Groups["block"].Value, CultureInfo.InvariantCulture) : -1;
        return match.Success;
    }

    [GeneratedRegex(@"^(toolu|call)_mock_(?<tag>[A-Za-z0-9_-]+)_(?<step>\d{1,4})_(?<block>\d{1,4})$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeChars();
}
