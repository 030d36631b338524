using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Tests;

/// <summary>A real mock server on a free port, shared by the tests of one class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public MockModelServer Server { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), $"mock-log-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var url = await Server.StartAsync(new MockModelOptions { LogDirectory = LogDirectory });
        Http.BaseAddress = url;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(LogDirectory, recursive: true);
    }

    public Task<HttpResponseMessage> PostAsync(string path, JsonObject body, string? session = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Claude-Code-Session-Id", session ?? Guid.NewGuid().ToString());
        return Http.SendAsync(request);
    }
}
