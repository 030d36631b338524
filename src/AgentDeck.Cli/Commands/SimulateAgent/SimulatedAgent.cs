using System.Runtime.InteropServices;
using System.Threading.Channels;
using AgentDeck.Core;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Processes;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>
/// The simulated agent process: reads its stdin protocol on a thread, plays a turn for each user message, and exits
/// when stdin closes (like <c>claude -p --input-format stream-json</c> and <c>codex app-server</c>). SIGINT ends the
/// running turn as interrupted, then the process, with exit code 0 as Claude does.
/// </summary>
public sealed class SimulatedAgent(SimulationSettings settings, IPriceBook prices, Stream input, TextWriter output, IProcessRunner? runner = null)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var wireOutput = new WireOutput(output);
        ISimulatedWire wire = settings.Agent == AgentKind.Codex ? new CodexWire(wireOutput, settings) : new ClaudeWire(wireOutput, settings, prices);
        var inbox = Channel.CreateUnbounded<SimulatorMessage>(new UnboundedChannelOptions { SingleReader = true });
        var interrupts = new InterruptSignal();
        var player = new TurnPlayer(settings, wire, new SimulatedTools(settings, runner ?? new ProcessRunner()), inbox.Reader, interrupts);

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            interrupts.Fire();
            inbox.Writer.TryComplete();
        });
        _ = Task.Run(() => ReadInput(wire, inbox.Writer, interrupts), CancellationToken.None);

        await foreach (var message in inbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            // Messages are in arrival order: an interrupt read here came while no turn ran, and one that came during a
            // turn was handled by it, so either way it is done with.
            if (message.Kind == SimulatorMessageKind.User)
            {
                await player.PlayAsync(message.Text, cancellationToken).ConfigureAwait(false);
            }

            interrupts.Reset();
        }

        return 0;
    }

    private void ReadInput(ISimulatedWire wire, ChannelWriter<SimulatorMessage> inbox, InterruptSignal interrupts)
    {
        using var reader = new StreamReader(input);
        while (reader.ReadLine() is { } line)
        {
            if (wire.Accept(line) is not { } message)
            {
                continue;
            }

            if (message.Kind == SimulatorMessageKind.Interrupt)
            {
                interrupts.Fire();
            }

            inbox.TryWrite(message);
        }

        inbox.TryComplete();
    }
}
