using AgentDeck.Tui.Themes;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class ThemeWatcherTests : IDisposable
{
    private readonly TempHome _home = new();

    [Fact]
    public void Given_a_built_in_theme_when_checked_then_there_is_nothing_to_reload()
    {
        var watcher = new ThemeWatcher(new ThemeLoader([_home.Path]), "dark");

        Assert.Null(watcher.File);
        Assert.Null(watcher.Check(Theme.Plain));
    }

    [Fact]
    public void Given_a_user_theme_file_when_it_changes_then_the_new_theme_is_loaded_once()
    {
        var file = Path.Combine(_home.Path, "mine.json");
        File.WriteAllText(file, LightTheme("mine"));
        var loader = new ThemeLoader([_home.Path]);
        var watcher = new ThemeWatcher(loader, "mine");
        var current = loader.Load("mine").Theme;
        Assert.Null(watcher.Check(current));

        File.WriteAllText(file, LightTheme("mine, edited"));
        var reloaded = watcher.Check(current);

        Assert.NotNull(reloaded);
        Assert.Equal("mine, edited", reloaded.Theme.Name);
        Assert.Empty(reloaded.Messages);
        Assert.Null(watcher.Check(reloaded.Theme));
    }

    [Fact]
    public void Given_a_user_theme_file_when_it_is_broken_then_the_current_theme_stays_and_the_problem_is_named()
    {
        var file = Path.Combine(_home.Path, "mine.json");
        File.WriteAllText(file, LightTheme("mine"));
        var loader = new ThemeLoader([_home.Path]);
        var watcher = new ThemeWatcher(loader, "mine");
        var current = loader.Load("mine").Theme;

        File.WriteAllText(file, "{ \"name\": \"mine\", \"roles\": ");
        var reloaded = watcher.Check(current);

        Assert.NotNull(reloaded);
        Assert.Same(current, reloaded.Theme);
        Assert.StartsWith("theme not reloaded:", Assert.Single(reloaded.Messages), StringComparison.Ordinal);
    }

    public void Dispose() => _home.Dispose();

    private static string LightTheme(string name) =>
        File.ReadAllText(Path.Combine(Golden.ProjectDirectory(ThisFile()), "..", "..", "themes", "light.json"))
            .Replace("\"name\": \"light\"", $"\"name\": \"{name}\"", StringComparison.Ordinal);

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string file = "") => file;
}
