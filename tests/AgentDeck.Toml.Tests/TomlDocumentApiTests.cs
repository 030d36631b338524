namespace AgentDeck.Toml.Tests;

public sealed class TomlDocumentApiTests
{
    private const string Sample = """
        title = "demo"
        retries = 3
        ratio = 0.5
        whole = 2
        enabled = true
        started = 2024-01-02T03:04:05Z
        tags = ["a", "b"]
        mixed = ["a", 1]

        [server]
        host = "localhost"
        "dotted.key" = "quoted"

        [server.limits]
        cpu = 2
        """;

    private readonly TomlDocument document = TomlDocument.Parse(Sample, "sample.toml");

    [Fact]
    public void Given_dotted_paths_When_typed_values_are_read_Then_each_getter_returns_its_type()
    {
        Assert.True(document.TryGetString("title", out var title));
        Assert.Equal("demo", title);
        Assert.True(document.TryGetInteger("server.limits.cpu", out var cpu));
        Assert.Equal(2, cpu);
        Assert.True(document.TryGetFloat("ratio", out var ratio));
        Assert.Equal(0.5, ratio);
        Assert.True(document.TryGetBoolean("enabled", out var enabled));
        Assert.True(enabled);
        Assert.True(document.TryGetDateTime("started", out var started));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), started.ToDateTimeOffset());
        Assert.True(document.TryGetTable("server.limits", out var limits));
        Assert.Equal(["cpu"], limits.Keys);
    }

    [Fact]
    public void Given_an_integer_When_read_as_a_float_Then_it_is_widened()
    {
        Assert.True(document.TryGetFloat("whole", out var whole));
        Assert.Equal(2.0, whole);
    }

    [Fact]
    public void Given_a_wrong_type_or_missing_key_When_read_Then_the_getter_returns_false()
    {
        Assert.False(document.TryGetInteger("title", out _));
        Assert.False(document.TryGetString("retries", out _));
        Assert.False(document.TryGetString("server.port", out _));
        Assert.False(document.TryGetString("title.sub", out _));
        Assert.False(document.TryGetTable("nothing.here", out _));
    }

    [Fact]
    public void Given_a_quoted_key_containing_a_dot_When_read_by_path_Then_quotes_keep_it_one_key()
    {
        Assert.True(document.TryGetString("server.\"dotted.key\"", out var value));
        Assert.Equal("quoted", value);
        Assert.True(document.Root.TryGetValue(["server", "dotted.key"], out var raw));
        Assert.Equal("quoted", Assert.IsType<TomlString>(raw).Value);
    }

    [Fact]
    public void Given_string_arrays_When_read_Then_TryGetStrings_succeeds_only_if_every_item_is_a_string()
    {
        Assert.True(document.TryGetArray("tags", out var tags));
        Assert.True(tags.TryGetStrings(out var strings));
        Assert.Equal(["a", "b"], strings);
        Assert.True(document.TryGetArray("mixed", out var mixed));
        Assert.False(mixed.TryGetStrings(out _));
    }

    [Fact]
    public void Given_keys_When_their_positions_are_asked_Then_the_line_and_column_of_each_key_come_back()
    {
        Assert.True(document.TryGetPosition("retries", out var retries));
        Assert.Equal(new TomlPosition(2, 1), retries);
        Assert.True(document.TryGetPosition("server.host", out var host));
        Assert.Equal(new TomlPosition(11, 1), host);
        Assert.True(document.TryGetPosition("server.limits", out var header));
        Assert.Equal(new TomlPosition(14, 9), header);
        Assert.False(document.TryGetPosition("server.port", out _));
        Assert.True(document.TryGetValue("ratio", out var ratio));
        Assert.Equal(new TomlPosition(3, 9), ratio.Position);
    }

    [Fact]
    public void Given_a_table_first_named_implicitly_When_its_header_comes_later_Then_its_position_is_the_header()
    {
        var later = TomlDocument.Parse("[a.b]\nx = 1\n\n[a]\ny = 2\n");

        Assert.True(later.TryGetPosition("a", out var keyPosition));
        Assert.Equal(new TomlPosition(4, 2), keyPosition);
        Assert.True(later.TryGetTable("a", out var table));
        Assert.Equal(new TomlPosition(4, 1), table.Position);
    }

    [Fact]
    public void Given_a_document_When_tables_are_enumerated_Then_every_table_comes_in_document_order()
    {
        var tables = TomlDocument.Parse("a = { b = {} }\n[x]\n[[y.z]]\n[[y.z]]\n[q.\"w w\"]\n").EnumerateTables()
            .Select(entry => entry.Key).ToList();

        Assert.Equal(["", "a", "a.b", "x", "y", "y.z", "y.z", "q", "q.\"w w\""], tables);
    }

    [Fact]
    public void Given_keys_written_in_some_order_When_enumerated_Then_the_order_is_kept()
    {
        var root = TomlDocument.Parse("zeta = 1\nalpha = 2\nmid = 3\n").Root;

        Assert.Equal(["zeta", "alpha", "mid"], root.Keys);
        Assert.Equal(["zeta", "alpha", "mid"], root.Select(entry => entry.Key));
    }

    [Fact]
    public void Given_a_file_When_loaded_Then_the_path_is_the_source_name_of_values_and_errors()
    {
        var directory = Directory.CreateTempSubdirectory("agentdeck-toml-");
        try
        {
            var good = Path.Combine(directory.FullName, "good.toml");
            var bad = Path.Combine(directory.FullName, "bad.toml");
            File.WriteAllText(good, "model = \"m\"\n");
            File.WriteAllText(bad, "model = \n");

            Assert.Equal(good, TomlDocument.Load(good).SourceName);
            var error = Assert.Throws<TomlException>(() => TomlDocument.Load(bad));
            Assert.Equal($"{bad}:1:9: missing value after '=' for key model", error.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Given_a_malformed_lookup_path_When_used_Then_it_is_an_argument_error_not_a_silent_miss()
    {
        var error = Assert.Throws<ArgumentException>(() => document.TryGetString("server..host", out _));

        Assert.Contains("not a TOML dotted key", error.Message);
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, "a.b")]
    [InlineData(new[] { "gpt-5.1", "x y" }, "\"gpt-5.1\".\"x y\"")]
    [InlineData(new[] { "", "quote\"in" }, "\"\".\"quote\\\"in\"")]
    public void Given_raw_keys_When_formatted_and_parsed_back_Then_they_round_trip(string[] keys, string expected)
    {
        Assert.Equal(expected, TomlKeyPath.Format(keys));
        Assert.Equal(keys, TomlKeyPath.Parse(expected));
    }
}
