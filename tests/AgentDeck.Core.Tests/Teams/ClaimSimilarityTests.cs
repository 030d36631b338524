using AgentDeck.Core.Teams.Synthesis;

namespace AgentDeck.Core.Tests.Teams;

public sealed class ClaimSimilarityTests
{
    [Theory]
    [InlineData("SQL injection in login()", "login() builds SQL from user input unescaped")]
    [InlineData("Path traversal in Storage.Open()", "Open() lets a ../ path escape the storage folder: path traversal")]
    [InlineData("parse_args() ignores --help", "--help is ignored by parse_args()")]
    [InlineData("The password is logged in plain text by AuthService", "AuthService writes the credential to the log")]
    public void Given_two_wordings_of_one_problem_Then_they_meet_even_without_a_place(string a, string b)
    {
        Assert.True(ClaimSimilarity.Of(a, b) >= ClusteringThresholds.Default.NoPlaceSimilarity, $"{ClaimSimilarity.Of(a, b):F2}");
    }

    [Theory]
    [InlineData("SQL injection in login()", "Off-by-one in the pagination loop of list_users()")]
    [InlineData("README does not mention the --json flag", "Retry loop in fetch() never backs off")]
    [InlineData("render() allocates a new buffer every frame", "The config file is read twice at start-up")]
    public void Given_claims_about_different_things_Then_they_stay_below_the_same_place_bar(string a, string b)
    {
        Assert.True(ClaimSimilarity.Of(a, b) < ClusteringThresholds.Default.SamePlaceSimilarity, $"{ClaimSimilarity.Of(a, b):F2}");
    }

    [Fact]
    public void Given_the_documented_example_Then_it_scores_six_of_nine()
    {
        Assert.Equal(6.0 / 9, ClaimSimilarity.Of("SQL injection in login()", "login() builds SQL from user input unescaped"), 3);
    }

    [Theory]
    [InlineData("injection", "inject")]
    [InlineData("injected", "inject")]
    [InlineData("injecting", "inject")]
    [InlineData("parameterised", "parameteriz")]
    [InlineData("parameterized", "parameteriz")]
    [InlineData("escapes", "escap")]
    [InlineData("queries", "query")]
    [InlineData("use", "use")]
    [InlineData("logged", "log")]
    [InlineData("called", "call")]
    public void Given_a_word_When_stemmed_Then_its_ending_is_cut(string word, string stem)
    {
        Assert.Equal(stem, WordStemmer.Stem(word));
    }

    [Fact]
    public void Given_identifiers_acronyms_and_words_When_tokenized_Then_they_get_their_weights()
    {
        var tokens = ClaimTokenizer.Tokenize("SQL injection in Auth.Login() via user_name", ClaimWords.Default);

        Assert.Equal(
            new Dictionary<string, double> { ["sql"] = 2, ["inject"] = 1, ["auth"] = 3, ["login"] = 3, ["user_name"] = 3 },
            tokens);
    }
}
