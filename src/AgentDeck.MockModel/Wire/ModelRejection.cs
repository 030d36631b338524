using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AgentDeck.MockModel.Wire;

/// <summary>
/// The error each API sends for a model id it does not know: Anthropic answers 404 <c>not_found_error</c> with
/// "model: ID"; OpenAI answers 404 <c>invalid_request_error</c> with code <c>model_not_found</c>.
/// </summary>
internal static class ModelRejection
{
    public const int Status = 404;

    public static JsonObject AnthropicBody(string model) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["type"] = "not_found_error", ["message"] = $"model: {model}" },
    };

    public static JsonObject OpenAiBody(string model) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = $"The model `{model}` does not exist or you do not have access to it.",
            ["type"] = "invalid_request_error",
            ["param"] = null,
            ["code"] = "model_not_found",
        },
    };

    public static Task WriteAsync(HttpResponse response, MockApi api, string model, int sequence)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json";
        response.Headers["request-id"] = $"req_mock_{sequence:D3}";
        var body = api == MockApi.Anthropic ? AnthropicBody(model) : OpenAiBody(model);
        return response.WriteAsync(body.ToJsonString(WireJson.Options));
    }
}
