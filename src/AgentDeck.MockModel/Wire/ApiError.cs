namespace AgentDeck.MockModel.Wire;

/// <summary>How one HTTP error status looks in each API's error JSON.</summary>
internal sealed record ApiError(int Status, string AnthropicType, string OpenAiType, string? OpenAiCode, string DefaultMessage)
{
    private static readonly Dictionary<int, ApiError> Known = new ApiError[]
    {
        new(400, "invalid_request_error", "invalid_request_error", null, "Bad request (mock)"),
        new(401, "authentication_error", "invalid_request_error", "invalid_api_key", "Invalid API key (mock)"),
        new(403, "permission_error", "invalid_request_error", "permission_denied", "Permission denied (mock)"),
        new(404, "not_found_error", "invalid_request_error", "not_found", "Not found (mock)"),
        new(413, "request_too_large", "invalid_request_error", "request_too_large", "Request too large (mock)"),
        new(429, "rate_limit_error", "rate_limit_exceeded", "rate_limit_exceeded", "Rate limited (mock)"),
        new(500, "api_error", "server_error", null, "Internal server error (mock)"),
        new(503, "api_error", "server_error", "service_unavailable", "Service unavailable (mock)"),
        new(529, "overloaded_error", "server_error", "server_is_overloaded", "Overloaded (mock)"),
    }.ToDictionary(e => e.Status);

    public static ApiError For(int status) =>
        Known.TryGetValue(status, out var known)
            ? known
            : status >= 500
                ? new(status, "api_error", "server_error", null, $"Server error {status} (mock)")
                : new(status, "invalid_request_error", "invalid_request_error", null, $"Request error {status} (mock)");
}
