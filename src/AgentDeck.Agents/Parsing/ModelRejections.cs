using System.Text.RegularExpressions;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// Tells a model the API refused (unknown id, no access) from other API errors, from what the CLIs print:
/// Claude reports HTTP 404 with <c>not_found_error</c> (and <c>error:"model_not_found"</c>); Codex only passes on
/// OpenAI's message "The model `X` does not exist or you do not have access to it."; Gemini says
/// "models/X is not found"; OpenCode names a <c>ProviderModelNotFoundError</c>.
/// </summary>
public static partial class ModelRejections
{
    private static readonly HashSet<string> RejectionTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "model_not_found", "ProviderModelNotFoundError", "ModelNotFoundError",
    };

    public static bool IsRejection(int? httpStatus, string? errorType, string? message) =>
        (errorType is not null && RejectionTypes.Contains(errorType))
        || (httpStatus == 404 && string.Equals(errorType, "not_found_error", StringComparison.OrdinalIgnoreCase))
        || (message is not null && RejectionText().IsMatch(message));

    /// <summary>The failure reason for an API error: <c>model_rejected</c> when the model itself was refused, else <c>api_error</c>.</summary>
    public static string Reason(int? httpStatus, string? errorType, string? message) =>
        IsRejection(httpStatus, errorType, message) ? Core.Events.FailureReasons.ModelRejected : Core.Events.FailureReasons.ApiError;

    [GeneratedRegex(
        @"models?\b[^\n]{0,120}?\b(does not exist|not found|is not supported|unknown)|issue with the selected model|model_not_found|unknown model|invalid model",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RejectionText();
}
