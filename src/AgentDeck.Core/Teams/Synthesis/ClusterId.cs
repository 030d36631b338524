using System.Security.Cryptography;
using System.Text;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// A cluster's id: <c>c</c> and 7 hex digits of the SHA-256 of its first finding's run and finding id. Short enough
/// to type in a review, the same whenever the same results are synthesized.
/// </summary>
public static class ClusterId
{
    public static string Of(string run, string findingId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(run + "\n" + findingId));
        return "c" + Convert.ToHexStringLower(hash)[..7];
    }
}
