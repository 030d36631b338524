using System.Collections.Concurrent;
using AgentDeck.Agents.Tests.Snapshots;
using AgentDeck.Core;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>
/// Golden snapshots of what today's stream parsers make of every transcript line and of a seeded fuzz corpus built from
/// those lines (<see cref="SnapshotCorpus"/>), stored in tests/fixtures/parse-snapshots/&lt;agent&gt;.jsonl. A rewrite of
/// the parsers' JSON layer must reproduce them byte for byte. To accept an intended change, regenerate with
/// <c>AGENTDECK_UPDATE_SNAPSHOTS=1 dotnet test tests/AgentDeck.Agents.Tests -c Release --filter ParseSnapshotTests</c>
/// and review the diff of the .jsonl files before committing them.
/// </summary>
public sealed class ParseSnapshotTests
{
    private static readonly ConcurrentDictionary<AgentKind, Lazy<IReadOnlyList<SnapshotRecord>>> Corpora = new();

    public static TheoryData<string> AgentNames()
    {
        var data = new TheoryData<string>();
        foreach (var agent in SnapshotCorpus.Agents)
        {
            data.Add(SnapshotCorpus.NameOf(agent));
        }

        return data;
    }

    private static IReadOnlyList<SnapshotRecord> Corpus(string agentName)
    {
        var agent = SnapshotCorpus.Agents.Single(a => SnapshotCorpus.NameOf(a) == agentName);
        return Corpora.GetOrAdd(agent, a => new Lazy<IReadOnlyList<SnapshotRecord>>(() => SnapshotCorpus.Build(a))).Value;
    }

    [Theory]
    [MemberData(nameof(AgentNames))]
    public void Given_the_transcripts_and_the_seeded_fuzz_corpus_When_parsed_Then_the_events_match_the_snapshot(string agentName)
    {
        var actual = SnapshotFile.Encode(SnapshotFile.Render(Corpus(agentName)));
        var path = SnapshotStore.PathOf(agentName);
        if (SnapshotStore.Updating)
        {
            File.WriteAllBytes(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing: generate it with {SnapshotStore.UpdateVariable}=1");
        var diff = SnapshotDiff.Describe(Path.GetFileName(path), SnapshotFile.Lines(File.ReadAllBytes(path)), SnapshotFile.Lines(actual));
        Assert.True(diff is null, diff);
    }

    [Theory]
    [MemberData(nameof(AgentNames))]
    public void Given_any_input_Then_the_parser_rejects_as_malformed_exactly_what_System_Text_Json_rejects(string agentName)
    {
        var disagreements = new List<string>();
        foreach (var record in Corpus(agentName).Where(r => r.JsonParser && r.Line is not null))
        {
            var malformed = record.Events.Count(e => e is Unparsed u && u.Reason.StartsWith("malformed JSON", StringComparison.Ordinal));
            bool agrees;
            if (Parsing.JsonLines.IsBlank(record.Input))
            {
                agrees = record.Events.Count == 0;
            }
            else if (!System.Text.Unicode.Utf8.IsValid(record.Input))
            {
                agrees = record.Events is [Unparsed { Reason: "invalid UTF-8" }];
            }
            else
            {
                agrees = StjAcceptance.Accepts(record.Input) ? malformed == 0 : record.Events.Count == 1 && malformed == 1;
            }

            if (!agrees)
            {
                disagreements.Add($"{record.File} line {record.Line} {record.Mutation}: System.Text.Json " +
                    $"{(StjAcceptance.Accepts(record.Input) ? "accepts" : "rejects")}, events: {string.Join(" | ", record.Events.Select(EventJson.Serialize))}");
            }
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, first: {string.Join("\n", disagreements.Take(3))}");
    }

    [Fact]
    public void Given_a_snapshot_with_one_event_altered_Then_the_diff_names_the_input_and_both_events()
    {
        string[] expected = ["{\"file\":\"f\",\"line\":2,\"mutation\":\"m\"}", "{\"kind\":\"assistant_text\",\"text\":\"a\"}"];
        string[] actual = ["{\"file\":\"f\",\"line\":2,\"mutation\":\"m\"}", "{\"kind\":\"assistant_text\",\"text\":\"b\"}"];

        var diff = SnapshotDiff.Describe("x.jsonl", expected, actual);

        Assert.NotNull(diff);
        Assert.Contains("\"mutation\":\"m\"", diff, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"a\"", diff, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"b\"", diff, StringComparison.Ordinal);
        Assert.Null(SnapshotDiff.Describe("x.jsonl", expected, expected));
    }

    [Theory]
    [MemberData(nameof(AgentNames))]
    public void Given_the_fuzz_corpus_Then_it_holds_every_mutation_family(string agentName)
    {
        string[] families =
        [
            "none", "complete(", "truncate@", "flip@", "remove@", "duplicate@", "type:", "escape:", "escaped-name:", "escaped-value:",
            "raw-control:", "non-utf8:", "duplicate-key:type:first", "duplicate-key:type:last", "trailing-comma:object", "comment:",
            "whitespace:", "bom", "two-values:", "top-level:", "empty-object", "nesting:arrays:65", "nesting:objects:66", "number:",
            "long-string:",
        ];
        var mutations = Corpus(agentName).Select(r => r.Mutation).ToList();

        Assert.All(families, f => Assert.Contains(mutations, m => m.StartsWith(f, StringComparison.Ordinal)));
    }
}
