using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Bench;
using AgentDeck.Discovery.Catalogs;

namespace AgentDeck.Discovery.Tests.Bench;

public sealed class BenchTaskCatalogTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("bench-check-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public void Given_the_shipped_task_set_When_loaded_Then_every_task_has_a_known_role_a_check_and_an_estimate()
    {
        var set = BenchTaskCatalog.BuiltIn();
        var roles = DataCatalogLoader.Load(_workspace).Roles.Select(role => role.Name).ToHashSet();

        Assert.Equal(["create-file", "fix-bug", "read-answer"], set.Tasks.Select(task => task.Name));
        Assert.All(set.Tasks, task => Assert.Contains(task.Role, roles));
        Assert.Contains(set.Tasks, task => task.Permission == RolePermission.ReadOnly);
        Assert.Contains("return a - b", set.Tasks.Single(task => task.Name == "fix-bug").Files["calc.py"], StringComparison.Ordinal);
        Assert.True(set.EstimatePerTask.Input > 0 && set.EstimatePerTask.Output > 0);
    }

    [Theory]
    [InlineData("tasks:\n  - name: a\n    role: review\n    prompt: p\n", 2, "needs a `check:`")]
    [InlineData("tasks:\n  - name: a\n    role: review\n    prompt: p\n    check: { final_text: \"(\" }\n", 5, "not a valid regular expression")]
    [InlineData("tasks:\n  - name: a\n    role: review\n    prompt: p\n    check: { file: ../x, contains: y }\n", 5, "relative path inside the scratch repo")]
    [InlineData("tasks:\n  - name: a\n    role: review\n    permission: admin\n    prompt: p\n    check: { file: x }\n", 4, "permission `admin`")]
    [InlineData("tasks:\n  - role: review\n    prompt: p\n", 2, "needs `name`, `role` and `prompt`")]
    public void Given_a_broken_task_file_When_parsed_Then_the_error_names_the_line(string yaml, int line, string problem)
    {
        var error = Assert.Throws<BenchTaskFileException>(() => BenchTaskCatalog.Parse(yaml, "tasks.yaml"));

        Assert.Equal(("tasks.yaml", line), (error.Problem.Source, error.Problem.Line));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_file_and_answer_checks_When_evaluated_Then_only_what_really_holds_passes()
    {
        var set = BenchTaskCatalog.BuiltIn();
        var create = set.Tasks.Single(task => task.Name == "create-file").Check;
        var answer = set.Tasks.Single(task => task.Name == "read-answer").Check;

        var missing = create.Evaluate(_workspace, "Done!");
        File.WriteAllText(Path.Combine(_workspace, "greeting.txt"), "hello from the bench\n");
        var present = create.Evaluate(_workspace, null);

        Assert.Equal((false, "greeting.txt was not created"), (missing.Passed, missing.Detail));
        Assert.True(present.Passed);
        Assert.True(answer.Evaluate(_workspace, "It is BANANA.").Passed);
        Assert.False(answer.Evaluate(_workspace, "banana").Passed);
        Assert.False(answer.Evaluate(_workspace, null).Passed);
    }
}
