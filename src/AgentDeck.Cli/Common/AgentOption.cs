using System.CommandLine;
using AgentDeck.Core;

namespace AgentDeck.Cli.Common;

/// <summary>The <c>--agent</c> option shared by the verbs that read an agent's output.</summary>
public static class AgentOption
{
    public static Option<string> Create(bool required = true)
    {
        var option = new Option<string>("--agent", "-a")
        {
            Description = $"Which agent CLI printed the output: {string.Join(", ", AgentKinds.Names)}.",
            Required = required,
        };
        option.AcceptOnlyFromAmong([.. AgentKinds.Names]);
        return option;
    }

    public static AgentKind Parse(string value) =>
        AgentKinds.TryParse(value, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(value), value, null);
}
