namespace AgentDeck.Toml.Tests;

public sealed class TomlValueParsingTests
{
    private static TomlValue ValueOf(string tomlValue) => TomlDocument.Parse("v = " + tomlValue).Root["v"];

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("+1_000", 1000)]
    [InlineData("0xDEAD_beef", 0xDEADBEEF)]
    [InlineData("0o755", 493)]
    [InlineData("0b1101", 13)]
    [InlineData("-0", 0)]
    public void Given_an_integer_When_parsed_Then_its_value_is_exact(string text, long expected)
    {
        Assert.Equal(expected, Assert.IsType<TomlInteger>(ValueOf(text)).Value);
    }

    [Theory]
    [InlineData("3.1415", 3.1415)]
    [InlineData("-2E-2", -0.02)]
    [InlineData("6.626e-34", 6.626e-34)]
    [InlineData("224_617.445_991", 224617.445991)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("nan", double.NaN)]
    public void Given_a_float_When_parsed_Then_its_value_is_exact(string text, double expected)
    {
        Assert.Equal(expected, Assert.IsType<TomlFloat>(ValueOf(text)).Value);
    }

    [Theory]
    [InlineData("\"tab\\there \\u00e9 \\U0001F600\"", "tab\there é 😀")]
    [InlineData("'C:\\Users\\nodejs'", "C:\\Users\\nodejs")]
    [InlineData("\"\"\"\nline one\nline two\"\"\"", "line one\nline two")]
    [InlineData("\"\"\"\r\none \\\r\n    two\"\"\"", "one two")]
    [InlineData("'''\nraw \\n ''stays'''''", "raw \\n ''stays''")]
    [InlineData("\"\"\"say \"\"hi\"\"\"\"\"", "say \"\"hi\"\"")]
    public void Given_a_string_When_parsed_Then_escapes_trimming_and_quotes_follow_the_spec(string text, string expected)
    {
        Assert.Equal(expected, Assert.IsType<TomlString>(ValueOf(text)).Value);
    }

    [Theory]
    [InlineData("1979-05-27T07:32:00Z", TomlDateTimeKind.OffsetDateTime, "1979-05-27T07:32:00Z")]
    [InlineData("1979-05-27 00:32:00.999999-07:00", TomlDateTimeKind.OffsetDateTime, "1979-05-27T00:32:00.999999-07:00")]
    [InlineData("1979-05-27t07:32:00", TomlDateTimeKind.LocalDateTime, "1979-05-27T07:32:00")]
    [InlineData("1979-05-27", TomlDateTimeKind.LocalDate, "1979-05-27")]
    [InlineData("00:32:00.123456789", TomlDateTimeKind.LocalTime, "00:32:00.1234567")]
    public void Given_a_date_or_time_When_parsed_Then_its_kind_and_value_are_kept(string text, TomlDateTimeKind kind, string expected)
    {
        var value = Assert.IsType<TomlDateTime>(ValueOf(text));

        Assert.Equal(kind, value.DateTimeKind);
        Assert.Equal(expected, value.ToString());
    }

    [Fact]
    public void Given_an_offset_date_time_When_converted_Then_it_is_the_same_instant()
    {
        var value = Assert.IsType<TomlDateTime>(ValueOf("1979-05-27T00:32:00-07:00"));

        Assert.Equal(new DateTimeOffset(1979, 5, 27, 7, 32, 0, TimeSpan.Zero), value.ToDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(-7), value.Offset);
    }

    [Fact]
    public void Given_an_implicit_table_When_a_header_defines_it_later_Then_both_parts_are_merged()
    {
        var document = TomlDocument.Parse("[a.b.c]\nx = 1\n[a]\ny = 2\nb.z = 3\n");

        Assert.True(document.TryGetInteger("a.b.c.x", out _));
        Assert.True(document.TryGetInteger("a.y", out _));
        Assert.True(document.TryGetInteger("a.b.z", out _));
    }

    [Fact]
    public void Given_headers_below_dotted_tables_When_parsed_Then_sub_tables_may_be_added()
    {
        var document = TomlDocument.Parse("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n");

        Assert.True(document.TryGetBoolean("fruit.apple.texture.smooth", out var smooth) && smooth);
        Assert.True(document.TryGetBoolean("fruit.apple.taste.sweet", out var sweet) && sweet);
    }

    [Fact]
    public void Given_an_array_of_tables_When_sub_tables_follow_Then_they_attach_to_the_last_element()
    {
        var document = TomlDocument.Parse("[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits]]\nname = \"banana\"\n");

        Assert.True(document.TryGetArray("fruits", out var fruits));
        Assert.True(fruits.IsTableArray);
        Assert.Equal(2, fruits.Count);
        Assert.True(fruits.Tables.First().TryGetString("physical.color", out var color));
        Assert.Equal("red", color);
        Assert.False(fruits.Tables.Last().ContainsKey("physical"));
    }

    [Fact]
    public void Given_text_with_a_byte_order_mark_When_parsed_Then_the_mark_is_ignored()
    {
        Assert.True(TomlDocument.Parse("\uFEFFa = 1").TryGetInteger("a", out var a) && a == 1);
        Assert.True(TomlDocument.Parse([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'=', (byte)'2']).TryGetInteger("a", out var b) && b == 2);
    }
}
