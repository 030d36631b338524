using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentDeck.MockModel.Planning;

/// <summary>
/// Tool call ids encode the scenario step and block they came from ("toolu_mock_2_1", "call_mock_2_1"), so a
/// tool result coming back tells the mock how far the conversation has got.
/// </summary>
internal static partial class ToolCallIds
{
    public static string Anthropic(int step, int block) => $"toolu_mock_{step}_{block}";

    public static string Responses(int step, int block) => $"call_mock_{step}_{block}";

    public static bool TryParse(string id, out int step, out int block)
    {
        var match = Pattern().Match(id);
        step = match.Success ? int.Parse(match.Groups["step"].Value, CultureInfo.InvariantCulture) : -1;
        block = match.Success ? int.Parse(match.Groups["block"].Value, CultureInfo.InvariantCulture) : -1;
        return match.Success;
    }

    [GeneratedRegex(@"^(toolu|call)_mock_(?<step>\d{1,4})_(?<block>\d{1,4})$")]
    private static partial Regex Pattern();
}
