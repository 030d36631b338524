namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// A deliberately small stemmer for claims: it cuts common English endings so that "injection", "injected" and
/// "injecting" become "inject" ("logged" becomes "log"), and writes British -is- as -iz-. It never leaves fewer than 3 letters. Not a
/// linguistic stemmer: it only has to make different wordings of one problem meet.
/// </summary>
public static class WordStemmer
{
    private static readonly string[] Endings = ["ations", "ation", "ings", "ing", "ions", "ion", "ies", "ed", "es", "ly", "s"];

    public static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                word = ending == "ies" ? word[..^3] + "y" : word[..^ending.Length];
                if (ending is "ed" or "ing" or "ings" && word.Length >= 4 && word[^1] == word[^2] && !"aeioulsz".Contains(word[^1]))
                {
                    word = word[..^1];
                }

                break;
            }
        }

        if (word.Length >= 5 && word[^1] == 'e')
        {
            word = word[..^1];
        }

        if (word.Length >= 6 && word.EndsWith("is", StringComparison.Ordinal))
        {
            word = word[..^2] + "iz";
        }

        return word;
    }
}
