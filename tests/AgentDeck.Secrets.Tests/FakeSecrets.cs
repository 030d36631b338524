namespace AgentDeck.Secrets.Tests;

/// <summary>
/// One made-up secret of every kind the shipped rules cover, built from pieces so that no whole secret sits in the
/// repository (other scanners reading this project find nothing to report).
/// </summary>
public static class FakeSecrets
{
    private const string Alnum = "Zx8Qw3Er7Ty1Ui5Op9As2Df6Gh0Jk4Lm8Nb3Vc7Xz1Qa5Ws9Ed2Rf6Tg0Yh4Uj8Ik3Ol7Pm1Nn5Bb9Vv2Cc6Xx0Zz4Aa8Ss3Dd7Ff1Gg5Hh9Jj2Kk6Ll0";

    private static string Run(int length, int from = 0) => Alnum.Substring(from, length);

    public static TheoryData<string, string> All => new()
    {
        { "aws-access-token", "AKIA" + "Q3EGRTZ5LMNBV7XD" },
        { "aws-secret-access-key", "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "Zx8Qw3Er7T" },
        { "github-pat", "ghp" + "_" + Run(36) },
        { "github-fine-grained-pat", "github" + "_pat_" + Run(22) + "_" + Run(59, 3) },
        { "github-oauth", "gho" + "_" + Run(36, 5) },
        { "gitlab-pat", "glpat" + "-" + Run(20, 2) },
        { "slack-token", "xoxb" + "-" + "2648163290-4836291047" + "-" + Run(24) },
        { "slack-webhook", "https://hooks.slack.com/services/" + "T00000000/B00000000/" + Run(24, 7) },
        { "stripe-key", "sk" + "_live_" + Run(24, 1) },
        { "anthropic-api-key", "sk-ant" + "-api03-" + Run(93) + "AA" },
        { "openai-api-key", "sk-proj" + "-" + Run(48, 4) },
        { "gcp-api-key", "AIza" + "SyD" + Run(32, 9) },
        { "azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=deck;AccountKey=" + Run(86, 10) + "==" },
        { "azure-ad-client-secret", " " + "abc" + "8Q~" + Run(34, 11) + " " },
        { "npm-access-token", "npm" + "_" + Run(36, 12) },
        { "pypi-upload-token", "pypi-" + "AgEIcHlwaS5vcmc" + Run(60, 13) },
        { "private-key", "-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA" + Run(64, 14) + "\\n-----END RSA PRIVATE KEY-----" },
        { "jwt", "eyJ" + "hbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "." + "eyJ" + "zdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFnZW50In0" + "." + "Sfl" + "KxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" },
        { "database-url-password", "postgres://deck:" + "Xk9mP2vLq7Rz" + "@db" },
        { "generic-credential", "export API_TOKEN=" + "q7Rz" + "Xk9mP2vLw4Ty8" },
    };
}
