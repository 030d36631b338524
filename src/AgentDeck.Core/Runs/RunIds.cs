using System.Security.Cryptography;

namespace AgentDeck.Core.Runs;

/// <summary>
/// Run ids: 10 lowercase Crockford base32 characters, 40 bits of milliseconds since 2024-01-01 then 10 random bits,
/// so ids sort by creation time and stay short enough to type. A prefix names a run when it is unique.
/// </summary>
public static class RunIds
{
    public const int Length = 10;
    public const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    private const int TimeChars = 8;
    private const long MaxTime = (1L << 40) - 1;
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string New(DateTimeOffset now) => New(now, RandomNumberGenerator.GetInt32(1 << 10));

    /// <summary>Builds an id from a time and 10 bits of randomness (<paramref name="random"/> in 0..1023).</summary>
    public static string New(DateTimeOffset now, int random)
    {
        var millis = Math.Clamp((long)(now - Epoch).TotalMilliseconds, 0, MaxTime);
        var value = (millis << 10) | (uint)(random & 0x3FF);
        return string.Create(Length, value, static (chars, v) =>
        {
            for (var i = chars.Length - 1; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(v & 31)];
                v >>= 5;
            }
        });
    }

    public static bool IsValid(string? id) => id is { Length: Length } && id.All(c => Alphabet.Contains(c));

    /// <summary>
    /// Normalizes what a person typed into a prefix of ids: lowercase, Crockford's look-alikes (<c>i</c>/<c>l</c> → 1,
    /// <c>o</c> → 0). False when it cannot be part of any id.
    /// </summary>
    public static bool TryNormalizePrefix(string? input, out string prefix)
    {
        prefix = string.Empty;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > Length)
        {
            return false;
        }

        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToLowerInvariant(text[i]) switch
            {
                'i' or 'l' => '1',
                'o' => '0',
                var other => other,
            };
            if (!Alphabet.Contains(c))
            {
                return false;
            }

            chars[i] = c;
        }

        prefix = new string(chars);
        return true;
    }

    /// <summary>The time an id was created, to the millisecond.</summary>
    public static DateTimeOffset TimeOf(string id)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException($"'{id}' is not a run id.", nameof(id));
        }

        long value = 0;
        foreach (var c in id.AsSpan(0, TimeChars))
        {
            value = (value << 5) | (uint)Alphabet.IndexOf(c);
        }

        // The first 8 characters are exactly the 40 time bits.
        return Epoch.AddMilliseconds(value);
    }
}
