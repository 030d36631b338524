using System.Net;
using AgentDeck.MockModel.Logging;
using AgentDeck.MockModel.Planning;
using AgentDeck.MockModel.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentDeck.MockModel;

/// <summary>
/// A local model server (Anthropic Messages API and OpenAI Responses API) that plays scripted scenarios, so the
/// real agent CLIs run offline and spend no tokens. Bound to 127.0.0.1 only.
/// </summary>
public sealed class MockModelServer : IAsyncDisposable
{
    private WebApplication? _app;
    private Uri? _baseUrl;

    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("the mock model server is not started");

    public int Port => BaseUrl.Port;

    public MockRequestLog Requests { get; private set; } = new(null);

    public ScenarioCatalog Scenarios { get; private set; } = ScenarioCatalog.BuiltIn();

    /// <summary>
    /// Loads the scenarios and starts listening. Returns the base URL (e.g. http://127.0.0.1:41234) with the real
    /// port. Throws <see cref="ScenarioFormatException"/> for a bad scenario file and <see cref="MockModelException"/>
    /// for other unusable options.
    /// </summary>
    public async Task<Uri> StartAsync(MockModelOptions options, CancellationToken cancel = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the mock model server is already started");
        }

        Scenarios = ScenarioCatalog.Load(options.ScenarioFiles);
        if (Scenarios.Find(options.DefaultScenario) is null)
        {
            throw new MockModelException($"unknown default scenario '{options.DefaultScenario}'; known: {string.Join(", ", Scenarios.All.Select(s => s.Name).Order(StringComparer.Ordinal))}");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new MockModelException($"port {options.Port} is not valid; use 1-65535, or 0 for a free port");
        }

        Requests = new MockRequestLog(options.LogDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        new MockEndpoints(new ScenarioPlanner(Scenarios, options.DefaultScenario, new FailureCounter()), Requests, options.Workspace).Map(app);
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new MockModelException($"cannot listen on 127.0.0.1:{options.Port} ({e.Message}); pick another port, or 0 for a free one", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _app = app;
        _baseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return _baseUrl;
    }

    public async Task StopAsync(CancellationToken cancel = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancel);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
