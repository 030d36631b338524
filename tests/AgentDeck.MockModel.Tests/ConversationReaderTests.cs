using System.Text.Json.Nodes;
using AgentDeck.MockModel.Conversations;

namespace AgentDeck.MockModel.Tests;

public sealed class ConversationReaderTests
{
    [Fact]
    public void Given_a_claude_request_When_read_Then_marker_workspace_and_last_texts_are_found()
    {
        var body = Requests.Anthropic("write it [[S:tools]]", false, Requests.AssistantToolUse("toolu_mock_tools_0_1"), Requests.ToolResult("toolu_mock_tools_0_1", "File created"));

        var conversation = AnthropicConversationReader.Read(body);

        Assert.Equal("tools", conversation.MarkedScenario);
        Assert.Equal("/work/repo", conversation.Workspace);
        Assert.Equal("write it [[S:tools]]", conversation.LastUserText);
        Assert.Equal("File created", conversation.LastToolResult);
        Assert.Equal(["toolu_mock_tools_0_1"], conversation.ToolResultIds);
        Assert.False(conversation.Stream);
        Assert.Equal("claude-opus-5-5", conversation.Model);
    }

    [Fact]
    public void Given_a_steering_message_in_a_system_entry_When_read_Then_its_marker_wins()
    {
        var body = Requests.Anthropic("first [[S:steer]]", true, new JsonObject
        {
            ["role"] = "system", ["content"] = "The user sent a new message while you were working: [[S:steer2]]",
        });

        Assert.Equal("steer2", AnthropicConversationReader.Read(body).MarkedScenario);
    }

    [Fact]
    public void Given_a_codex_request_When_read_Then_cwd_tools_and_user_text_are_found()
    {
        var conversation = ResponsesConversationReader.Read(Requests.Responses("do [[S:plain]] now"));

        Assert.Equal("plain", conversation.MarkedScenario);
        Assert.Equal("/work/codex", conversation.Workspace);
        Assert.Equal("do [[S:plain]] now", conversation.LastUserText);
        Assert.Equal("custom", conversation.OfferedTools["apply_patch"]);
        Assert.True(conversation.Stream);
    }

    [Fact]
    public void Given_a_plain_string_input_When_read_Then_it_is_the_user_message()
    {
        var conversation = ResponsesConversationReader.Read(new JsonObject { ["model"] = "m", ["input"] = "hi [[S:err500]]" });

        Assert.Equal("err500", conversation.MarkedScenario);
        Assert.Equal("hi [[S:err500]]", conversation.LastUserText);
    }
}
