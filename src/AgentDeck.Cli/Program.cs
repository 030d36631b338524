using AgentDeck.Cli.Commands.Supervise;
using AgentDeck.Cli.Hosting;

return args is [SupervisorHostCommand.Name]
    ? await SupervisorHostCommand.RunAsync(CliConsole.FromProcess())
    : await CliApp.RunAsync(args, CliConsole.FromProcess());
