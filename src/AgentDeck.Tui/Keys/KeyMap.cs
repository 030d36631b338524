using System.Collections.Concurrent;
using AgentDeck.Terminal.Input;

namespace AgentDeck.Tui.Keys;

/// <summary>
/// The command table with the user's remaps applied. A [keys] entry replaces that action's default keys; an entry
/// naming an unknown action or key becomes a message naming the entry, and that action keeps its defaults.
/// A key the user bound wins over a default binding of the same key.
/// </summary>
public sealed class KeyMap
{
    private readonly List<KeyBinding> _bindings;

    // The bindings never change after Build, so neither does a command's key text (the status bar asks every frame).
    private readonly ConcurrentDictionary<string, string> _keyTexts = new(StringComparer.Ordinal);

    private KeyMap(IReadOnlyList<DeckCommand> commands, List<KeyBinding> bindings, IReadOnlyList<string> messages)
    {
        Commands = commands;
        _bindings = bindings;
        Messages = messages;
    }

    public IReadOnlyList<DeckCommand> Commands { get; }

    /// <summary>Problems with the user's [keys] table, one line each.</summary>
    public IReadOnlyList<string> Messages { get; }

    public static KeyMap Default { get; } = Build(DeckCommands.All, new Dictionary<string, IReadOnlyList<string>>());

    /// <param name="overrides">action id → key names, as read from the [keys] table of config.toml.</param>
    public static KeyMap Build(IReadOnlyList<DeckCommand> commands, IReadOnlyDictionary<string, IReadOnlyList<string>> overrides)
    {
        var messages = new List<string>();
        var remapped = new Dictionary<string, List<KeyChord>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (action, keys) in overrides)
        {
            var command = commands.FirstOrDefault(c => c.Id.Equals(action, StringComparison.OrdinalIgnoreCase));
            if (command is null)
            {
                messages.Add($"config [keys].{action}: unknown action \"{action}\"; known actions: {string.Join(", ", commands.Select(c => c.Id))}.");
                continue;
            }

            var chords = new List<KeyChord>();
            foreach (var key in keys)
            {
                if (KeyChord.TryParse(key, out var chord))
                {
                    chords.Add(chord);
                }
                else
                {
                    messages.Add($"config [keys].{action}: \"{key}\" is not a key name (use e.g. \"n\", \"Enter\", \"Ctrl+n\", \"F2\"); \"{action}\" keeps {string.Join(", ", command.DefaultKeys)}.");
                    chords.Clear();
                    break;
                }
            }

            if (chords.Count > 0)
            {
                remapped[command.Id] = chords;
            }
        }

        var bindings = new List<KeyBinding>();
        foreach (var command in commands)
        {
            if (remapped.TryGetValue(command.Id, out var chords))
            {
                bindings.AddRange(chords.Select(c => new KeyBinding(c, command, FromConfig: true)));
                continue;
            }

            foreach (var key in command.DefaultKeys)
            {
                if (!KeyChord.TryParse(key, out var chord))
                {
                    throw new InvalidOperationException($"The built-in key \"{key}\" of {command.Id} is not a key name.");
                }

                bindings.Add(new KeyBinding(chord, command, FromConfig: false));
            }
        }

        return new KeyMap(commands, bindings, messages);
    }

    /// <summary>The command a key means in <paramref name="scope"/>: a user binding first, then the scope's own, then a global one.</summary>
    public DeckCommand? Resolve(KeyEvent key, KeyScope scope) => _bindings
        .Where(b => (b.Command.Scope == scope || b.Command.Scope == KeyScope.Global) && b.Chord.Matches(key))
        .OrderByDescending(b => b.FromConfig)
        .ThenByDescending(b => b.Command.Scope == scope)
        .Select(b => b.Command)
        .FirstOrDefault();

    public IReadOnlyList<KeyChord> KeysOf(string commandId) => _bindings
        .Where(b => b.Command.Id.Equals(commandId, StringComparison.OrdinalIgnoreCase))
        .Select(b => b.Chord)
        .ToList();

    /// <summary>The keys of a command as shown in help and hints: "n", "Up/k", "1-9".</summary>
    public string KeyText(string commandId) =>
        _keyTexts.GetOrAdd(commandId, static (id, map) => map.MakeKeyText(id), this);

    private string MakeKeyText(string commandId)
    {
        var keys = KeysOf(commandId).Select(k => k.ToString()).ToList();
        return commandId == DeckCommands.Jump && keys.SequenceEqual(Enumerable.Range(1, 9).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            ? "1-9"
            : string.Join("/", keys);
    }
}
