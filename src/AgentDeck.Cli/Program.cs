using AgentDeck.Cli.Hosting;

return await CliApp.RunAsync(args, CliConsole.FromProcess());
