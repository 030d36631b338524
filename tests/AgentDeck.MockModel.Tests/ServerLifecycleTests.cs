using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Tests;

public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task Given_port_zero_When_started_Then_the_real_loopback_port_is_reported()
    {
        await using var server = new MockModelServer();

        var url = await server.StartAsync(new MockModelOptions());

        Assert.Equal("127.0.0.1", url.Host);
        Assert.NotEqual(0, url.Port);
        Assert.Equal(url.Port, server.Port);
    }

    [Fact]
    public async Task Given_a_port_in_use_When_started_Then_the_error_says_to_pick_another()
    {
        await using var first = new MockModelServer();
        var url = await first.StartAsync(new MockModelOptions());
        await using var second = new MockModelServer();

        var error = await Assert.ThrowsAsync<MockModelException>(() => second.StartAsync(new MockModelOptions { Port = url.Port }));

        Assert.Contains($"cannot listen on 127.0.0.1:{url.Port}", error.Message);
    }

    [Fact]
    public async Task Given_a_bad_scenario_file_When_started_Then_it_fails_before_listening_with_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mock-scenarios-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "- name: a\n  steps:\n    - reply: [ { txt: hi } ]\n");
        await using var server = new MockModelServer();
        try
        {
            var error = await Assert.ThrowsAsync<ScenarioFormatException>(() => server.StartAsync(new MockModelOptions { ScenarioFiles = [path] }));

            Assert.StartsWith($"{path}:3:", error.Message);
            Assert.Contains("unknown block type 'txt'", error.Message);
            Assert.Throws<InvalidOperationException>(() => server.BaseUrl);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Given_an_unknown_default_scenario_When_started_Then_the_error_lists_the_known_ones()
    {
        await using var server = new MockModelServer();

        var error = await Assert.ThrowsAsync<MockModelException>(() => server.StartAsync(new MockModelOptions { DefaultScenario = "zzz" }));

        Assert.StartsWith("unknown default scenario 'zzz'; known: ", error.Message);
    }

    [Fact]
    public async Task Given_a_fixed_workspace_and_a_default_scenario_When_requested_Then_both_apply()
    {
        await using var server = new MockModelServer();
        var url = await server.StartAsync(new MockModelOptions { DefaultScenario = "tools", Workspace = "/fixed/ws" });
        using var http = new HttpClient { BaseAddress = url };

        using var response = await http.PostAsync("/v1/messages", new StringContent(Requests.Anthropic("no marker", stream: false).ToJsonString()));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("/fixed/ws/hello.txt", body);
        Assert.Equal("tools", server.Requests.Records.Single().Scenario);
    }
}
