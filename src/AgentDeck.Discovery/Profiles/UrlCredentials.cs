namespace AgentDeck.Discovery.Profiles;

/// <summary>
/// A base URL as it may be shown: the userinfo (<c>user:PASS@</c>) and the values of secret-looking query parameters
/// (<c>key</c>, <c>token</c>, <c>sig</c>, ...) become <c>***</c>; scheme, host, port, path and other parameters stay.
/// </summary>
public static class UrlCredentials
{
    public const string Mask = "***";

    /// <summary>Parts of a query parameter's name that mark its value as a credential (case-insensitive).</summary>
    private static readonly string[] SecretNameParts = ["key", "token", "secret", "passw", "pwd", "sig", "auth", "credential", "session"];

    public static string? Masked(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url;
        }

        var fragmentAt = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = fragmentAt < 0 ? "" : url[fragmentAt..];
        var beforeFragment = fragmentAt < 0 ? url : url[..fragmentAt];
        var queryAt = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? null : beforeFragment[(queryAt + 1)..];
        var address = queryAt < 0 ? beforeFragment : beforeFragment[..queryAt];
        return WithoutUserInfo(address) + (query is null ? "" : "?" + MaskedQuery(query)) + fragment;
    }

    public static bool IsSecretParameter(string name) =>
        SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));

    private static string WithoutUserInfo(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var pathStart = address.IndexOf('/', authorityStart);
        var authorityEnd = pathStart < 0 ? address.Length : pathStart;
        if (authorityEnd <= authorityStart)
        {
            return address;
        }

        var at = address.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        return at < 0 ? address : string.Concat(address.AsSpan(0, authorityStart), Mask, address.AsSpan(at));
    }

    private static string MaskedQuery(string query) =>
        string.Join('&', query.Split('&').Select(parameter =>
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parameter : parameter[..equals];
            return equals >= 0 && IsSecretParameter(Uri.UnescapeDataString(name)) ? name + "=" + Mask : parameter;
        }));
}
