using System.Text.Json;
using AgentDeck.Agents.Drivers.Shared;

namespace AgentDeck.Agents.Tests.Drivers;

public sealed class TomlStringTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("line1\nline2\r\n", "\"line1\\nline2\\r\\n\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("del\u007f", "\"del\\u007F\"")]
    [InlineData("ünï — ok", "\"ünï — ok\"")]
    public void Given_text_Then_it_becomes_this_toml_basic_string(string text, string expected)
    {
        Assert.Equal(expected, TomlString.Basic(text));
    }

    [Theory]
    [InlineData("You are \"strict\".\nNever write C:\\temp.\n\tIndented \u0001 end")]
    [InlineData("'''\"\"\"")]
    public void Given_a_persona_Then_decoding_the_basic_string_gives_it_back(string persona)
    {
        // TOML basic-string escapes are a subset of JSON's, so a JSON reader is an independent decoder here.
        Assert.Equal(persona, JsonSerializer.Deserialize<string>(TomlString.Basic(persona)));
    }

    [Fact]
    public void Given_a_key_and_value_Then_the_override_is_key_equals_quoted_value()
    {
        Assert.Equal("sandbox_mode=\"read-only\"", TomlString.Override("sandbox_mode", "read-only"));
    }
}
