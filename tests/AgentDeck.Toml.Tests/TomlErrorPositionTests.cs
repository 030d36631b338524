namespace AgentDeck.Toml.Tests;

public sealed class TomlErrorPositionTests
{
    private static TomlException ParseFails(string text, string? sourceName = "config.toml") =>
        Assert.Throws<TomlException>(() => TomlDocument.Parse(text, sourceName));

    [Fact]
    public void Given_a_key_without_equals_When_parsed_Then_the_message_names_file_line_column_and_key()
    {
        var error = ParseFails("# settings\nname = \"x\"\n\n[agent]\n    model \"gpt\"\n");

        Assert.Equal(5, error.Line);
        Assert.Equal(11, error.Column);
        Assert.Equal("config.toml", error.SourceName);
        Assert.Equal("config.toml:5:11: expected '=' after key agent.model, found a string", error.Message);
        Assert.Equal("expected '=' after key agent.model, found a string", error.Reason);
    }

    [Fact]
    public void Given_no_source_name_When_parsing_fails_Then_the_message_spells_out_line_and_column()
    {
        var error = ParseFails("a = 1\nb = ", sourceName: null);

        Assert.Equal("line 2, column 5: missing value after '=' for key b", error.Message);
        Assert.Null(error.SourceName);
    }

    [Fact]
    public void Given_a_duplicate_key_When_parsed_Then_the_error_points_at_the_second_and_cites_the_first()
    {
        var error = ParseFails("[server]\nport = 1\n  port = 2\n");

        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Contains("duplicate key server.port: already defined at line 2, column 1", error.Message);
    }

    [Fact]
    public void Given_a_table_defined_twice_When_parsed_Then_the_error_is_at_the_second_header()
    {
        var error = ParseFails("[a]\nx = 1\n[b]\n[a]\n");

        Assert.Equal((4, 1), (error.Line, error.Column));
        Assert.Contains("table [a] is already defined by a header at line 1, column 1", error.Message);
    }

    [Fact]
    public void Given_multibyte_characters_before_the_error_When_parsed_Then_columns_count_code_points()
    {
        // "é" is one UTF-16 unit, "😀" two; each counts as one column.
        var error = ParseFails("k = \"é😀\" x\n");

        Assert.Equal((1, 10), (error.Line, error.Column));
    }

    [Fact]
    public void Given_crlf_line_endings_When_parsing_fails_Then_lines_are_counted_once_per_crlf()
    {
        var error = ParseFails("a = 1\r\nb = 2\r\nc = @\r\n");

        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.Contains("expected a value, found '@'", error.Message);
    }

    [Fact]
    public void Given_an_unterminated_string_When_parsed_Then_the_error_points_at_its_opening_quote()
    {
        var error = ParseFails("a = 1\nname = \"abc\nb = 2\n");

        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Contains("unterminated string", error.Message);
    }

    [Fact]
    public void Given_invalid_utf8_bytes_When_parsed_Then_the_error_points_at_the_bad_byte()
    {
        byte[] bytes = [.. "a = 1\nb = \"x"u8, 0xC3, 0x28, .. "\"\n"u8];

        var error = Assert.Throws<TomlException>(() => TomlDocument.Parse(bytes, "bad.toml"));

        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.StartsWith("bad.toml:2:7: invalid UTF-8 byte 0xC3", error.Message);
    }

    [Fact]
    public void Given_a_bare_carriage_return_When_parsed_Then_it_is_rejected_where_it_stands()
    {
        var error = ParseFails("a = 1\rb = 2\n");

        Assert.Equal((1, 6), (error.Line, error.Column));
        Assert.Contains("carriage return", error.Message);
    }

    [Fact]
    public void Given_a_lone_surrogate_in_a_string_input_When_parsed_Then_it_is_a_TomlException()
    {
        var error = ParseFails("a = \"x\uD800\"\n");

        Assert.Equal((1, 7), (error.Line, error.Column));
        Assert.Contains("lone surrogate U+D800", error.Message);
    }

    [Fact]
    public void Given_dotted_keys_reaching_into_a_header_table_When_parsed_Then_the_full_table_path_is_named()
    {
        var error = ParseFails("[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n");

        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Contains("cannot add a.b.c.t with a dotted key: table [a.b.c] was defined by a header at line 1, column 1",
            error.Message);
    }

    [Fact]
    public void Given_very_deep_nesting_When_parsed_Then_it_is_refused_with_a_TomlException_not_a_stack_overflow()
    {
        var error = ParseFails("a = " + new string('[', 100_000) + new string(']', 100_000));

        Assert.Contains("nested more than", error.Message);
    }

    [Theory]
    [InlineData("a = 9223372036854775808", "out of the 64-bit range")]
    [InlineData("a = -9223372036854775809", "out of the 64-bit range")]
    [InlineData("a = 0x8000000000000000", "out of the 64-bit range")]
    [InlineData("a = 1e400", "out of the 64-bit float range")]
    [InlineData("a = 00:00:60", "leap seconds")]
    [InlineData("a = 0000-01-01", "year 0000")]
    [InlineData("a = { b = 1, }", "trailing comma")]
    [InlineData("a = \"\\e\"", "invalid escape sequence \\e")]
    [InlineData("a = [1, 2]\n[[a]]", "static array")]
    [InlineData("\"\"\"k\"\"\" = 1", "a multi-line string cannot be a key")]
    public void Given_an_invalid_document_When_parsed_Then_the_reason_names_the_problem(string text, string expected)
    {
        Assert.Contains(expected, ParseFails(text).Reason);
    }
}
