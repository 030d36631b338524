using System.Text.Json;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Parsing;

/// <summary>What a parser does with one line once <see cref="JsonLines"/> has checked and parsed it.</summary>
internal interface IJsonLineHandler
{
    /// <summary>
    /// Appends the events of one JSON object line and returns null, or returns why the object is not a line of this
    /// protocol (the caller then emits one <see cref="Unparsed"/>). Adding nothing is allowed: the caller keeps the
    /// one-event-per-line rule with a <see cref="ProtocolNote"/>.
    /// </summary>
    string? Handle(TapeElement root, List<AgentEvent> output);
}
