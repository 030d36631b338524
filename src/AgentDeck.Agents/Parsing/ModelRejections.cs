using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// Tells a model the API refused (unknown id, no access) from other API errors, from what the CLIs print:
/// Claude reports HTTP 404 with <c>not_found_error</c> (and <c>error:"model_not_found"</c>); Codex only passes on
/// OpenAI's message "The model `X` does not exist or you do not have access to it."; Gemini says
/// "models/X is not found"; OpenCode names a <c>ProviderModelNotFoundError</c>. A known HTTP status other than 404 is
/// never a refused model.
/// </summary>
public static partial class ModelRejections
{
    private static readonly HashSet<string> RejectionTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "model_not_found", "ProviderModelNotFoundError", "ModelNotFoundError",
    };

    public static bool IsRejection(int? httpStatus, string? errorType, string? message)
    {
        // The APIs refuse an unknown model with 404; any other status (a 400 bad request, a 401) is about the request,
        // and counting it as a refused model would make routing avoid a model that works.
        if ((httpStatus ?? StatusIn(message)) is { } status && status != 404)
        {
            return false;
        }

        return (errorType is not null && RejectionTypes.Contains(errorType))
            || (httpStatus == 404 && string.Equals(errorType, "not_found_error", StringComparison.OrdinalIgnoreCase))
            || (message is not null && RejectionText().IsMatch(message));
    }

    /// <summary>The failure reason for an API error: <c>model_rejected</c> when the model itself was refused, else <c>api_error</c>.</summary>
    public static string Reason(int? httpStatus, string? errorType, string? message) =>
        IsRejection(httpStatus, errorType, message) ? Core.Events.FailureReasons.ModelRejected : Core.Events.FailureReasons.ApiError;

    private static int? StatusIn(string? message) =>
        message is not null && StatusText().Match(message) is { Success: true } found ? int.Parse(found.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(
        @"models?\b[^\n]{0,120}?\b(does not exist|not found|is not supported)|issue with the selected model|model_not_found|unknown model|invalid model",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RejectionText();

    /// <summary>The HTTP status the CLIs put in an error message: "API Error: 400 …", "unexpected status 400 Bad Request".</summary>
    [GeneratedRegex(@"\b(?:API Error:|status:?)\s*([1-5][0-9]{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusText();
}
