namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// Where a finding points. <see cref="Path"/> and <see cref="LinesText"/> are kept as the agent wrote them;
/// <see cref="Lines"/> is null when there were none or they were absurd, and <see cref="IsUsableLocation"/> is false
/// when the path is empty or leaves the repository (the finding then carries a warning and clusters as location-less).
/// </summary>
public sealed record Evidence(string Path, string LinesText, LineRange? Lines, string Quote, bool IsUsableLocation);
