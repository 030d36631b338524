using System.Diagnostics;
using AgentDeck.Discovery.Config.Checking;

namespace AgentDeck.Benchmarks;

/// <summary>
/// What the configuration check costs a verb that runs it (run, doctor, ...): a user config.toml with every table and a
/// project one, checked whole. Prints the first check (loads the schema, cold JIT) and the mean of the next ones.
/// <c>dotnet run -c Release --project tests/AgentDeck.Benchmarks -- config-check-probe 200</c>
/// </summary>
public static class ConfigCheckProbe
{
    private const string UserConfig = """
        [limits]
        max_concurrency = 4
        run_timeout_seconds = 1800
        max_output_bytes = 50000000
        run_budget_usd = 2.0
        global_budget_usd = 20.0
        global_warning_fraction = 0.8

        [tui]
        theme = "dark"

        [keys]
        spawn = "n"
        kill = ["x", "Ctrl+k"]

        [profiles.fast]
        agent = "claude"
        model = "claude-haiku-5-5"
        args = ["--max-turns", "30"]
        env = { CLAUDE_CODE_MAX_RETRIES = "2" }

        [profiles.deep]
        agent = "codex"
        model = "gpt-6.1-sol"
        effort = "high"

        [routing]
        min_runs = 5
        forbid = ["gpt-5-nano"]

        [routing.roles.review]
        model = "claude-opus-5-5"
        max_cost_usd = 0.50
        fallback = "deep"
        """;

    public static void Run(int rounds)
    {
        var root = Directory.CreateTempSubdirectory("agentdeck-config-probe-").FullName;
        try
        {
            var user = Directory.CreateDirectory(Path.Combine(root, "user")).FullName;
            var project = Directory.CreateDirectory(Path.Combine(root, "project", ".agentdeck")).FullName;
            File.WriteAllText(Path.Combine(user, "config.toml"), UserConfig);
            File.WriteAllText(Path.Combine(project, "config.toml"), "[limits]\nrun_budget_usd = 0.5\nmax_concurency = 2\n");
            var projectDirectory = Path.GetDirectoryName(project)!;

            var watch = Stopwatch.StartNew();
            _ = ConfigSchema.Default;
            var schemaMs = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            _ = AgentDeck.Toml.TomlDocument.Load(Path.Combine(user, "config.toml"));
            var tomlMs = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"schema {schemaMs:F1} ms, first toml load {tomlMs:F1} ms");
            watch.Restart();
            var problems = ConfigFilesCheck.Check(user, projectDirectory);
            var first = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            for (var i = 0; i < rounds; i++)
            {
                problems = ConfigFilesCheck.Check(user, projectDirectory);
            }

            var mean = watch.Elapsed.TotalMilliseconds * 1000 / rounds;
            Console.WriteLine($"config check, two config.toml files ({problems.Count} problem): first {first:F1} ms (schema load + JIT), then {mean:F0} µs per check over {rounds}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
