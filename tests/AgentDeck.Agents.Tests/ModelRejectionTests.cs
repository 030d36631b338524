using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Codex;
using AgentDeck.Agents.Parsing;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>
/// A model the API refuses ends the run as <c>model_rejected</c>, not as a plain <c>api_error</c>. The lines are what
/// Claude Code 2.1.328 and Codex 0.169.0 printed against the mock's unknown-model replies (404 not_found_error /
/// model_not_found).
/// </summary>
public sealed class ModelRejectionTests
{
    private const string ClaudeRejectedResult =
        """{"type":"result","subtype":"success","is_error":true,"terminal_reason":"api_error","api_error_status":404,"api_error_type":"not_found_error","result":"There's an issue with the selected model (bogus-model). It may not exist or you may not have access to it. Run --model to pick a different model.","session_id":"s","total_cost_usd":0}""";

    [Fact]
    public void Given_claude_reports_a_404_not_found_model_When_the_turn_ends_Then_the_reason_is_model_rejected()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 1, ClaudeRejectedResult);

        var turn = run.Single<TurnCompleted>();
        Assert.Equal((TurnOutcome.Failed, FailureReasons.ModelRejected), (turn.Outcome, turn.Reason));
        Assert.Contains("bogus-model", turn.Detail, StringComparison.Ordinal);
        Assert.Equal(FailureReasons.ModelRejected, run.Tally().FailureReason);
    }

    private const string MockUnknownScenario =
        "mock model: unknown scenario 'nope'. Known scenarios: plain, tools, badmodel. Pick one with [[S:name]] in the prompt.";

    [Fact]
    public void Given_claude_reports_a_400_bad_request_for_its_model_When_the_turn_ends_Then_it_is_an_api_error_not_a_rejected_model()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 1,
            """{"type":"assistant","message":{"id":"m1","model":"<synthetic>","content":[{"type":"text","text":"API Error: 400 mock model: unknown scenario 'nope'. Known scenarios: plain, tools, badmodel. Pick one with [[S:name]] in the prompt."}]},"is_api_error_message":true,"api_error_status":400,"error":"invalid_request"}""",
            """{"type":"result","subtype":"success","is_error":true,"terminal_reason":"api_error","api_error_status":400,"api_error_type":"invalid_request_error","result":"API Error: 400 mock model: unknown scenario 'nope'. Known scenarios: plain, tools, badmodel. Pick one with [[S:name]] in the prompt.","session_id":"s","total_cost_usd":0}""");

        var turn = run.Single<TurnCompleted>();
        Assert.Equal(FailureReasons.ApiError, turn.Reason);
        Assert.Contains("400", turn.Detail, StringComparison.Ordinal);
        Assert.Equal(400, run.Single<ApiError>().HttpStatus);
    }

    [Fact]
    public void Given_codex_fails_on_a_400_bad_request_When_the_turn_fails_Then_it_is_an_api_error()
    {
        var run = Lines.Parse(new CodexStreamParser(), 1,
            """{"type":"thread.started","thread_id":"t"}""",
            """{"type":"turn.started"}""",
            """{"type":"turn.failed","error":{"message":"unexpected status 400 Bad Request: mock model: unknown scenario 'nope'. Known scenarios: plain, badmodel."}}""");

        Assert.Equal(FailureReasons.ApiError, run.Single<TurnCompleted>().Reason);
    }

    [Fact]
    public void Given_claude_reports_a_500_after_retries_When_the_turn_ends_Then_it_stays_an_api_error()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 1,
            """{"type":"result","subtype":"success","is_error":true,"terminal_reason":"api_error","api_error_status":500,"api_error_type":"api_error","result":"API Error: 500 Internal server error (mock)","session_id":"s"}""");

        Assert.Equal(FailureReasons.ApiError, run.Single<TurnCompleted>().Reason);
    }

    [Fact]
    public void Given_codex_says_the_model_does_not_exist_When_the_turn_fails_Then_the_reason_is_model_rejected()
    {
        var run = Lines.Parse(new CodexStreamParser(), 1,
            """{"type":"thread.started","thread_id":"t"}""",
            """{"type":"item.completed","item":{"id":"item_0","type":"error","message":"Model metadata for `bogus-model` not found. Defaulting to fallback metadata; this can degrade performance and cause issues."}}""",
            """{"type":"turn.started"}""",
            """{"type":"error","message":"The model `bogus-model` does not exist or you do not have access to it."}""",
            """{"type":"turn.failed","error":{"message":"The model `bogus-model` does not exist or you do not have access to it."}}""");

        Assert.Equal(FailureReasons.ModelRejected, run.Single<TurnCompleted>().Reason);
    }

    [Fact]
    public void Given_codex_fails_on_server_errors_When_the_turn_fails_Then_it_stays_an_api_error()
    {
        var run = Lines.Parse(new CodexStreamParser(), 1,
            """{"type":"thread.started","thread_id":"t"}""",
            """{"type":"turn.started"}""",
            """{"type":"turn.failed","error":{"message":"exceeded retry limit, last status: 500 Internal Server Error"}}""");

        Assert.Equal(FailureReasons.ApiError, run.Single<TurnCompleted>().Reason);
    }

    [Theory]
    [InlineData(404, "not_found_error", "model: bogus", true)]
    [InlineData(null, "model_not_found", null, true)]
    [InlineData(null, "ProviderModelNotFoundError", "x", true)]
    [InlineData(null, null, "models/gemini-9 is not found for API version v1beta", true)]
    [InlineData(404, "invalid_request_error", "The requested model 'x' does not exist.", true)]
    [InlineData(400, "invalid_request_error", "The requested model 'x' does not exist.", false)]
    [InlineData(400, "invalid_request_error", MockUnknownScenario, false)]
    [InlineData(null, null, "unexpected status 400 Bad Request: " + MockUnknownScenario, false)]
    [InlineData(null, null, MockUnknownScenario, false)]
    [InlineData(401, "authentication_error", "invalid x-api-key for model claude-opus-5-5", false)]
    [InlineData(500, "api_error", "Internal server error", false)]
    [InlineData(429, "rate_limit_error", "Rate limited", false)]
    [InlineData(400, "invalid_request_error", "prompt is too long", false)]
    [InlineData(null, null, null, false)]
    public void Given_an_api_error_Then_only_a_refused_model_counts_as_a_rejection(int? status, string? type, string? message, bool rejected) =>
        Assert.Equal(rejected, ModelRejections.IsRejection(status, type, message));
}
