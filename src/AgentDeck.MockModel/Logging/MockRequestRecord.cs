namespace AgentDeck.MockModel.Logging;

/// <summary>
/// One request the mock answered. <see cref="StepNumber"/> is 1-based; <see cref="Problem"/> is the text of a
/// 400 the mock sent because it could not answer.
/// </summary>
public sealed record MockRequestRecord(
    int Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    MockApi Api,
    string? Model,
    string? LastUserText,
    string? LastToolResult,
    string? Scenario,
    int? StepNumber,
    int Status,
    string? Problem);
