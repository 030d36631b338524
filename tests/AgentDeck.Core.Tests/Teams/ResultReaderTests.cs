using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Tests.Teams;

public sealed class ResultReaderTests
{
    private const string GoodFinding =
        """{"id":"f1","claim":"login() builds SQL from user input","verdict":"issue","severity":"high","confidence":0.9,"evidence":[{"path":"src/auth.py","lines":"40-52","quote":"execute(q)"}]}""";

    private static string Block(string findings, string extra = "") =>
        $$"""
        I looked at the login code.

        ```agentdeck-result
        {"schema":"agentdeck.result.v1","goal_met":false,"summary":"one issue","findings":[{{findings}}],"followups":["add a test"]{{extra}}}
        ```
        """;

    [Fact]
    public void Given_a_valid_block_When_read_Then_every_field_is_kept()
    {
        var reading = ResultReader.Read(Block(GoodFinding));

        Assert.True(reading.IsValid);
        var result = reading.Result!;
        Assert.False(result.GoalMet);
        Assert.Equal("one issue", result.Summary);
        Assert.Equal(["add a test"], result.Followups);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("f1", FindingVerdict.Issue, Severity.High, 0.9), (finding.Id, finding.Verdict, finding.Severity, finding.Confidence));
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal(("src/auth.py", new LineRange(40, 52), "execute(q)"), (evidence.Path, evidence.Lines!.Value, evidence.Quote));
        Assert.Empty(finding.Warnings);
    }

    public static TheoryData<string, string, string> Errors => new()
    {
        { "no block", "I found nothing worth reporting.", "no ```agentdeck-result block found; end your final answer with one holding the JSON result" },
        { "broken JSON", "```agentdeck-result\n{\"schema\": \"agentdeck.result.v1\",\n \"goal_met\": tru }\n```", "the agentdeck-result block is not valid JSON at line 2, column 17: 'tru }' is an invalid JSON literal. Expected the literal 'true'." },
        { "truncated JSON", "```agentdeck-result\n{\"schema\": \"agentdeck.result.v1\", \"findings\": [\n```", "the agentdeck-result block is not valid JSON at line 1, column 48: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed." },
        { "not an object", "```agentdeck-result\n[1,2]\n```", "the block is an array; expected one JSON object" },
        { "wrong schema", Block(GoodFinding).Replace("agentdeck.result.v1", "agentdeck.result.v0"), "schema: \"agentdeck.result.v0\" is not \"agentdeck.result.v1\"" },
        { "goal_met a string", Block(GoodFinding).Replace("\"goal_met\":false", "\"goal_met\":\"no\""), "goal_met: is the string \"no\"; expected true or false" },
        { "summary missing", Block(GoodFinding).Replace("\"summary\":\"one issue\",", ""), "summary: is missing; expected a string" },
        { "findings an object", Block(GoodFinding).Replace($"[{GoodFinding}]", "{}"), "findings: is an object; expected an array" },
        { "finding a string", Block("\"just text\""), "findings[0]: is the string \"just text\"; expected an object" },
        { "severity unknown", Block(GoodFinding.Replace("\"high\"", "\"urgent\"")), "findings[0].severity: \"urgent\" is not one of critical, high, medium, low, info" },
        { "verdict unknown", Block(GoodFinding.Replace("\"issue\"", "\"bad\"")), "findings[0].verdict: \"bad\" is not one of issue, ok" },
        { "confidence a string", Block(GoodFinding.Replace("0.9", "\"high\"")), "findings[0].confidence: is the string \"high\"; expected a number" },
        { "confidence above 1", Block(GoodFinding.Replace("0.9", "90")), "findings[0].confidence: 90 is outside 0..1" },
        { "claim missing", Block(GoodFinding.Replace("\"claim\":\"login() builds SQL from user input\",", "")), "findings[0].claim: is missing; expected a string" },
        { "duplicate id", Block(GoodFinding + "," + GoodFinding), "findings[1].id: \"f1\" is used by an earlier finding; ids must be unique" },
        { "evidence path a number", Block(GoodFinding.Replace("\"src/auth.py\"", "42")), "findings[0].evidence[0].path: is the number 42; expected a string" },
        { "followup not a string", Block(GoodFinding).Replace("[\"add a test\"]", "[7]"), "followups[0]: is the number 7; expected a string" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Given_bad_input_When_read_Then_the_result_is_invalid_with_a_precise_error(string _, string answer, string expected)
    {
        var reading = ResultReader.Read(answer);

        Assert.False(reading.IsValid);
        Assert.Equal(expected, reading.Errors.Select(e => e.ToString()).First(e => e.StartsWith(expected[..20], StringComparison.Ordinal)));
        Assert.DoesNotContain(reading.Errors, e => e.Problem.Contains("LineNumber", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> Warnings => new()
    {
        { "absolute path", "\"path\":\"/etc/passwd\"", "findings[0].evidence[0].path: \"/etc/passwd\" is absolute; give the path relative to the repository root" },
        { "windows absolute path", "\"path\":\"C:\\\\repo\\\\auth.py\"", "findings[0].evidence[0].path: \"C:\\repo\\auth.py\" is absolute; give the path relative to the repository root" },
        { "path with ..", "\"path\":\"src/../../secrets.txt\"", "findings[0].evidence[0].path: \"src/../../secrets.txt\" leaves the repository (..); give the path relative to the repository root" },
        { "lines backwards", "\"lines\":\"52-40\"", "findings[0].evidence[0].lines: \"52-40\" ends before it starts (40 < 52)" },
        { "line zero", "\"lines\":\"0-3\"", "findings[0].evidence[0].lines: \"0-3\" has line 0; lines count from 1" },
        { "line past a million", "\"lines\":\"1-2000000\"", "findings[0].evidence[0].lines: \"1-2000000\" is past line 1,000,000; no file is that long" },
        { "line past any integer", "\"lines\":\"1-99999999999\"", "findings[0].evidence[0].lines: \"1-99999999999\" is past line 1,000,000; no file is that long" },
        { "lines not a range", "\"lines\":\"around the top\"", "findings[0].evidence[0].lines: \"around the top\" is not a line range of the form A-B (e.g. \"12-30\")" },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Given_a_bad_location_When_read_Then_the_finding_is_kept_with_a_warning_and_no_usable_place(string _, string replacement, string expected)
    {
        var field = replacement.Split(':')[0];
        var finding = GoodFinding.Replace(field == "\"path\"" ? "\"path\":\"src/auth.py\"" : "\"lines\":\"40-52\"", replacement);

        var reading = ResultReader.Read(Block(finding));

        Assert.True(reading.IsValid);
        var kept = Assert.Single(reading.Result!.Findings);
        Assert.Equal([expected], kept.Warnings);
        Assert.Equal(expected, Assert.Single(reading.Problems).ToString());
        Assert.True(kept.Place is null || kept.Place.Lines is null);
    }

    [Fact]
    public void Given_one_bad_finding_among_good_ones_When_read_Then_the_others_are_all_kept()
    {
        var bad = GoodFinding.Replace("\"f1\"", "\"f2\"").Replace("\"high\"", "\"urgent\"").Replace("0.9", "\"sure\"");
        var third = GoodFinding.Replace("\"f1\"", "\"f3\"");

        var reading = ResultReader.Read(Block($"{GoodFinding},{bad},{third}"));

        Assert.False(reading.IsValid);
        Assert.Equal(["f1", "f2", "f3"], reading.Result!.Findings.Select(f => f.Id));
        var flagged = reading.Result.Findings[1];
        Assert.Equal((Severity.Medium, 0.5), (flagged.Severity, flagged.Confidence));
        Assert.Equal(2, flagged.Warnings.Count);
        Assert.Equal(2, reading.Errors.Count);
    }

    [Fact]
    public void Given_a_reviewer_block_When_read_as_a_reviewer_Then_reviews_are_read_and_required()
    {
        var reviews = ",\"reviews\":[{\"cluster\":\"c1234567\",\"verdict\":\"refute\",\"reason\":\"checked at line 12\"},{\"cluster\":\"c7654321\",\"verdict\":\"maybe\",\"reason\":\"\"}]";

        var withReviews = ResultReader.Read(Block(GoodFinding, reviews), ResultKind.Reviewer);
        var without = ResultReader.Read(Block(GoodFinding), ResultKind.Reviewer);

        Assert.Equal(new ClusterReview("c1234567", ReviewVerdict.Refute, "checked at line 12"), Assert.Single(withReviews.Result!.Reviews));
        Assert.Equal(["reviews[1].verdict: \"maybe\" is not one of confirm, refute, unsure"], withReviews.Errors.Select(e => e.ToString()));
        Assert.Equal(["reviews: is missing; expected an array"], without.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Given_a_path_spelled_with_dot_slash_and_backslashes_When_read_Then_it_is_normalized()
    {
        var reading = ResultReader.Read(Block(GoodFinding.Replace("src/auth.py", "./src\\\\auth.py")));

        Assert.Equal("src/auth.py", reading.Result!.Findings[0].Place!.Path);
    }
}
