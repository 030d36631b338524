namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>The literal values the fuzz corpus splices into real lines (JSON text, so invalid ones stay invalid).</summary>
internal static class FuzzValues
{
    public static readonly string[] Numbers =
    [
        "0", "-0", "1.0", "1e3", "1E-7", "-1", "1.5", "2147483648", "4294967296", "9223372036854775807",
        "9223372036854775808", "1e400", "-1e400", "0.1234567890123456789012345678901", "007", "+1", ".5", "1.", "01",
    ];

    /// <summary>Escapes inserted at the start of a string's content; the last ones are invalid JSON.</summary>
    public static readonly (string Name, string Text)[] Escapes =
    [
        ("quote", "\\\""), ("backslash", "\\\\"), ("slash", "\\/"), ("b", "\\b"), ("f", "\\f"), ("n", "\\n"), ("r", "\\r"),
        ("t", "\\t"), ("u0041", "\\u0041"), ("u00e9", "\\u00e9"), ("u20ac", "\\u20ac"), ("pair-d83d-de00", "\\ud83d\\ude00"),
        ("lone-d800", "\\ud800"), ("lone-dc00", "\\udc00"), ("d800-u0041", "\\ud800\\u0041"), ("u12G4", "\\u12G4"),
        ("x", "\\x"), ("raw-e-acute-euro-emoji", "é€😀"), ("all-valid", "\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud83d\\ude00"),
    ];

    /// <summary>Bytes a string may not hold raw: control characters (DEL is allowed by JSON, kept as a contrast).</summary>
    public static readonly byte[] ControlBytes = [0x00, 0x01, 0x09, 0x0B, 0x1B, 0x1F, 0x7F];

    public static readonly (string Name, byte[] Bytes)[] NonUtf8 =
    [
        ("ff", [0xFF]), ("fe", [0xFE]), ("lone-continuation-80", [0x80]), ("truncated-e2-82", [0xE2, 0x82]),
        ("overlong-c0-af", [0xC0, 0xAF]), ("overlong-e0-80-af", [0xE0, 0x80, 0xAF]), ("overlong-f0-80-80-af", [0xF0, 0x80, 0x80, 0xAF]),
        ("surrogate-ed-a0-80", [0xED, 0xA0, 0x80]), ("above-10ffff-f4-90-80-80", [0xF4, 0x90, 0x80, 0x80]), ("latin1-e9", [0xE9]),
    ];

    /// <summary>A value of each JSON type, to put where a field of another type was.</summary>
    public static readonly (string Kind, string Text)[] Typed =
    [
        ("string", "\"s\""), ("number", "7"), ("object", "{}"), ("array", "[]"), ("null", "null"), ("true", "true"), ("false", "false"),
        ("object-with-type", "{\"type\":\"text\",\"text\":\"t\"}"), ("array-of-strings", "[\"a\",\"b\"]"), ("empty-string", "\"\""),
    ];

    /// <summary>About 100 KB of string content: plain runs with every escape kind, raw multibyte text and a surrogate pair between.</summary>
    public static string LongStringContent()
    {
        var text = new System.Text.StringBuilder(110_000);
        var chunk = 0;
        while (text.Length < 100_000)
        {
            text.Append(Escapes[chunk % 12].Text);
            text.Append(chunk % 3 == 0 ? "é€😀" : " ");
            text.Append('x', 997 + (chunk % 7));
            chunk++;
        }

        return text.ToString();
    }
}
