using System.Security.Cryptography;
using System.Text;

namespace AgentDeck.Core.Secrets;

/// <summary>
/// A short keyed hash of a secret: the same secret always gets the same fingerprint under one key, and the
/// fingerprint cannot be turned back into the secret or checked against guesses without the key (a plain hash of a
/// short password could be).
/// </summary>
public sealed class SecretFingerprint(byte[] key)
{
    private const int Bytes = 6;

    public string Of(ReadOnlySpan<char> secret)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(secret.ToArray()), hash);
        return Convert.ToHexStringLower(hash[..Bytes]);
    }

    /// <summary>A fresh random key, for a store that keeps one per state folder.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);
}
