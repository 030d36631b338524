using System.Text.Json;

namespace AgentDeck.Core.Events;

/// <summary>
/// A fixed piece of payload JSON, encoded once: a member's quoted name and colon, or a payload's opening through its
/// kind. The array is padded to at least a whole vector, so that a short piece is copied with one load and one store.
/// </summary>
internal sealed class PayloadBytes
{
    public const int VectorBytes = 32;

    private PayloadBytes(byte[] bytes)
    {
        Length = bytes.Length;
        Padded = new byte[Math.Max(VectorBytes, bytes.Length)];
        bytes.CopyTo(Padded, 0);
    }

    /// <summary>The bytes, then zeros up to <see cref="VectorBytes"/>.</summary>
    public byte[] Padded { get; }

    public int Length { get; }

    public ReadOnlySpan<byte> Bytes => Padded.AsSpan(0, Length);

    /// <summary><c>"name":</c></summary>
    public static PayloadBytes Member(string name) =>
        new([.. "\""u8, .. JsonEncodedText.Encode(name).EncodedUtf8Bytes, .. "\":"u8]);

    /// <summary><c>{"kind":"kind"</c>: every payload starts with its discriminator.</summary>
    public static PayloadBytes Opening(string kind) =>
        new([.. "{\"kind\":\""u8, .. JsonEncodedText.Encode(kind).EncodedUtf8Bytes, .. "\""u8]);
}
