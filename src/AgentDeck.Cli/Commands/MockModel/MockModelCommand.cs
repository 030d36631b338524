using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.MockModel;

/// <summary><c>agentdeck mock-model serve</c>: the offline model server, for rehearsing with the real CLIs and zero tokens.</summary>
public static class MockModelCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var scenario = new Option<string[]>("--scenario") { Description = "A YAML scenario file (repeatable); its scenarios join the built-in ones.", AllowMultipleArgumentsPerToken = true };
        var defaultScenario = new Option<string>("--default-scenario") { Description = "Scenario for prompts without a [[S:name]] marker.", DefaultValueFactory = _ => "plain" };
        var logDir = new Option<string?>("--log-dir") { Description = "Write every request and reply to this folder." };
        var workspace = new Option<string?>("--workspace") { Description = "Folder that scenario file paths ({{workspace}}) point into." };
        var serve = new Command("serve", "Serve the Anthropic Messages and OpenAI Responses APIs on 127.0.0.1 from scripted scenarios until Ctrl+C.")
        {
            port, scenario, defaultScenario, logDir, workspace,
        };
        serve.SetAction((result, cancel) => new MockModelServeHandler(context).RunAsync(
            new AgentDeck.MockModel.MockModelOptions
            {
                Port = result.GetValue(port),
                ScenarioFiles = (result.GetValue(scenario) ?? []).Select(f => Path.GetFullPath(f, context.Console.CurrentDirectory)).ToList(),
                DefaultScenario = result.GetValue(defaultScenario) ?? "plain",
                LogDirectory = result.GetValue(logDir),
                Workspace = result.GetValue(workspace),
            },
            cancel));
        return new Command("mock-model", "The offline mock model server.") { serve };
    }
}
