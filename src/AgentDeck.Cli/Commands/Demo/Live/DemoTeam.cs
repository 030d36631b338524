using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AgentDeck.Cli.Commands.Demo.Live;

/// <summary>The demo's team as data (demo-team.yaml): the scratch repository's first files and one entry per worker.</summary>
public sealed class DemoTeam
{
    public const string Resource = "AgentDeck.Demo.demo-team.yaml";

    public Dictionary<string, string> Repository { get; set; } = [];

    public List<DemoWorker> Workers { get; set; } = [];

    public static DemoTeam Load() => Parse(DemoResources.Text(Resource));

    public static DemoTeam Parse(string yaml)
    {
        try
        {
            var team = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<DemoTeam>(yaml);
            return team is { Workers.Count: > 0 } ? team : throw new InvalidDataException("the demo team lists no workers");
        }
        catch (YamlException error)
        {
            throw new InvalidDataException($"the demo team is not valid YAML: {error.Message}", error);
        }
    }
}
