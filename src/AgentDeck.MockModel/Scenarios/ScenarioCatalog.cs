using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentDeck.MockModel.Scenarios;

/// <summary>
/// The scenarios a server can play: the built-in ones plus those of user files (a user scenario replaces a
/// built-in one of the same name). A name "<c>base</c>x<c>N</c>" whose base starts with an error or cut step is
/// made on the fly: that failure N times, then a plain answer.
/// </summary>
public sealed partial class ScenarioCatalog
{
    public const string BuiltInSource = "built-in";

    private readonly Dictionary<string, Scenario> _byName;

    private ScenarioCatalog(Dictionary<string, Scenario> byName) => _byName = byName;

    public IReadOnlyCollection<Scenario> All => _byName.Values;

    public static ScenarioCatalog BuiltIn()
    {
        using var stream = typeof(ScenarioCatalog).Assembly.GetManifestResourceStream("AgentDeck.MockModel.builtin-scenarios.yaml")
            ?? throw new InvalidOperationException("the built-in scenarios resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return new ScenarioCatalog(ScenarioYamlReader.Read(reader.ReadToEnd(), BuiltInSource).ToDictionary(s => s.Name));
    }

    /// <summary>The built-in scenarios plus those in <paramref name="files"/>; throws <see cref="ScenarioFormatException"/>.</summary>
    public static ScenarioCatalog Load(IEnumerable<string> files) =>
        files.Aggregate(BuiltIn(), (catalog, file) => catalog.With(ScenarioYamlReader.ReadFile(file)));

    public ScenarioCatalog With(IEnumerable<Scenario> scenarios)
    {
        var copy = new Dictionary<string, Scenario>(_byName);
        foreach (var scenario in scenarios)
        {
            copy[scenario.Name] = scenario;
        }

        return new ScenarioCatalog(copy);
    }

    public Scenario? Find(string name)
    {
        if (_byName.TryGetValue(name, out var scenario))
        {
            return scenario;
        }

        var match = RepeatSuffix().Match(name);
        if (!match.Success
            || !_byName.TryGetValue(match.Groups["base"].Value, out var failing)
            || failing.Steps[0].Kind == StepKind.Reply)
        {
            return null;
        }

        var times = int.Parse(match.Groups["times"].Value, CultureInfo.InvariantCulture);
        ScenarioStep[] steps =
        [
            failing.Steps[0] with { Times = times },
            new ScenarioStep(StepKind.Reply, [new TextBlock($"Recovered after {times} failures.")]),
        ];
        return new Scenario(name, $"{failing.Description} {times} time(s), then a plain answer.", steps, failing.Source) { Models = failing.Models };
    }

    [GeneratedRegex(@"^(?<base>.+)x(?<times>[1-9][0-9]{0,3})$")]
    private static partial Regex RepeatSuffix();
}
