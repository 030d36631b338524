using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.Tests.Profiles;

public sealed class UrlCredentialsTests
{
    [Theory]
    [InlineData("https://user:PASS@proxy.example.com/v1?key=K1&region=eu", "https://***@proxy.example.com/v1?key=***&region=eu")]
    [InlineData("https://token@example.com", "https://***@example.com")]
    [InlineData("http://127.0.0.1:8765/v1", "http://127.0.0.1:8765/v1")]
    [InlineData("https://h.example/p?api_key=a&access_token=b&X-Amz-Signature=c&sig=d&password=e&client_secret=f&v=2", "https://h.example/p?api_key=***&access_token=***&X-Amz-Signature=***&sig=***&password=***&client_secret=***&v=2")]
    [InlineData("https://h.example/a@b?x=1#frag", "https://h.example/a@b?x=1#frag")]
    [InlineData("https://u:p@h.example?token=t#top", "https://***@h.example?token=***#top")]
    [InlineData("?key=1", "?key=***")]
    [InlineData("", "")]
    public void Given_a_base_url_When_masked_Then_userinfo_and_secret_query_values_are_hidden_and_the_rest_stays(string url, string shown)
    {
        Assert.Equal(shown, UrlCredentials.Masked(url));
    }

    [Fact]
    public void Given_no_base_url_Then_there_is_none_to_show() => Assert.Null(UrlCredentials.Masked(null));
}
