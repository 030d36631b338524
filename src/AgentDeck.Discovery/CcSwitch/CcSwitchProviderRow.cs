namespace AgentDeck.Discovery.CcSwitch;

/// <summary>A provider as stored by CC-Switch, before interpretation (settingsConfig still JSON text).</summary>
internal sealed record CcSwitchProviderRow(string Id, string AppType, string Name, string SettingsConfigJson, bool IsCurrentFlag);
