namespace AgentDeck.Core.Routing;

/// <summary>
/// A role as data: its persona (the text given to the worker), its default permission and how much each model trait
/// matters for it (weights, any scale; only their ratios count).
/// </summary>
public sealed record RoleDefinition(
    string Name,
    string Persona,
    RolePermission Permission,
    IReadOnlyDictionary<ModelTrait, double> TraitWeights);
