namespace AgentDeck.Toml.Parsing;

/// <summary>One part of a dotted key, with where it was written.</summary>
internal readonly record struct KeySegment(string Name, TomlPosition Position);
