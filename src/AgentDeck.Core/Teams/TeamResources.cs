using System.Reflection;

namespace AgentDeck.Core.Teams;

/// <summary>
/// The texts shipped in <c>Teams/Data/</c>: what a member is told to end its answer with, the repair-turn message,
/// the JSON Schemas for Codex's <c>--output-schema</c>, and the word list the claim similarity uses.
/// </summary>
public static class TeamResources
{
    public static string ResultInstructions => Text("result-instructions.md");
    public static string ReviewInstructions => Text("review-instructions.md");
    public static string RepairTemplate => Text("result-repair.md");
    public static string ResultSchemaJson => Text("agentdeck-result.v1.schema.json");
    public static string ReviewSchemaJson => Text("agentdeck-review.v1.schema.json");
    public static string ClaimWords => Text("claim-words.txt");

    private static string Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AgentDeck.Core.Teams.Data." + name)
            ?? throw new InvalidOperationException($"AgentDeck.Core was built without its resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
