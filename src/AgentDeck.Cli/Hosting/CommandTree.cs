using System.CommandLine;
using AgentDeck.Cli.Commands.BenchModel;
using AgentDeck.Cli.Commands.Calibrate;
using AgentDeck.Cli.Commands.Demo;
using AgentDeck.Cli.Commands.Doctor;
using AgentDeck.Cli.Commands.Events;
using AgentDeck.Cli.Commands.Export;
using AgentDeck.Cli.Commands.Import;
using AgentDeck.Cli.Commands.Interrupt;
using AgentDeck.Cli.Commands.Last;
using AgentDeck.Cli.Commands.Ledger;
using AgentDeck.Cli.Commands.MockModel;
using AgentDeck.Cli.Commands.Parse;
using AgentDeck.Cli.Commands.Profiles;
using AgentDeck.Cli.Commands.Resume;
using AgentDeck.Cli.Commands.Route;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.Runs;
using AgentDeck.Cli.Commands.Show;
using AgentDeck.Cli.Commands.Status;
using AgentDeck.Cli.Commands.Steer;
using AgentDeck.Cli.Commands.Stop;
using AgentDeck.Cli.Commands.Supervise;
using AgentDeck.Cli.Commands.Wait;

namespace AgentDeck.Cli.Hosting;

/// <summary>The verbs of <c>agentdeck</c>; each lives in its own folder under Commands/.</summary>
public static class CommandTree
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("AgentDeck: mission control for AI coding agents.");
        root.Add(ParseCommand.Create(context));
        root.Add(ImportCommand.Create(context));
        root.Add(RunsCommand.Create(context));
        root.Add(ShowCommand.Create(context));
        root.Add(EventsCommand.Create(context));
        root.Add(LedgerCommand.Create(context));
        root.Add(RunCommand.Create(context));
        root.Add(SupervisorHostCommand.Create(context));
        root.Add(StatusCommand.Create(context));
        root.Add(SteerCommand.Create(context));
        root.Add(InterruptCommand.Create(context));
        root.Add(StopCommand.Create(context));
        root.Add(ResumeCommand.Create(context));
        root.Add(LastCommand.Create(context));
        root.Add(WaitCommand.Create(context));
        root.Add(ExportCommand.Create(context));
        root.Add(DoctorCommand.Create(context));
        root.Add(ProfilesCommand.Create(context));
        root.Add(RouteCommand.Create(context));
        root.Add(CalibrateCommand.Create(context));
        root.Add(BenchModelCommand.Create(context));
        root.Add(MockModelCommand.Create(context));
        root.Add(DemoCommand.Create(context));
        root.Add(Commands.SimulateAgent.SimulateAgentCommand.Create(context));
        Commands.Tui.TuiCommand.Register(root, context);
        return root;
    }
}
