using AgentDeck.Core;
using AgentDeck.Core.Routing;

namespace AgentDeck.Discovery.Tests.Routing;

public sealed class RoutingPlanPresenterTests
{
    public static TheoryData<RouteDecision, RoutingPlanRow> Cases => new()
    {
        {
            new RouteDecision("review", RolePermission.ReadOnly, new RoutingCandidate(AgentKind.Codex, "gpt-5", "deep"), 0.4213m, 0.8, "best of 2",
                new RoutingCandidate(AgentKind.Claude, "claude-opus-4-5", null)),
            new RoutingPlanRow("review", "read-only", "codex", "gpt-5", "deep", "$0.4213", "claude/claude-opus-4-5", "best of 2")
        },
        {
            new RouteDecision("implementation", RolePermission.Write, new RoutingCandidate(AgentKind.Claude, "glm-4.6", null), null, 0.5, "cost unknown", null),
            new RoutingPlanRow("implementation", "write", "claude", "glm-4.6", "—", "unknown", "—", "cost unknown")
        },
        {
            new RouteDecision("ops", RolePermission.ReadOnly, null, null, 0, "no route: nothing", null),
            new RoutingPlanRow("ops", "read-only", "—", "—", "—", "—", "—", "no route: nothing")
        },
        {
            new RouteDecision("testing", RolePermission.Write, new RoutingCandidate(AgentKind.OpenCode, "m", "p"), 2m, 0.5, "r", null),
            new RoutingPlanRow("testing", "write", "opencode", "m", "p", "$2.00", "—", "r")
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_decision_When_presented_Then_the_row_has_the_expected_cells(RouteDecision decision, RoutingPlanRow expected)
    {
        Assert.Equal(expected, RoutingPlanPresenter.Row(decision));
    }

    [Fact]
    public void Given_a_plan_When_presented_Then_rows_keep_role_order_and_header_names_columns()
    {
        var plan = new RoutingPlan(
        [
            new RouteDecision("b", RolePermission.ReadOnly, null, null, 0, "x", null),
            new RouteDecision("a", RolePermission.ReadOnly, null, null, 0, "y", null),
        ]);

        Assert.Equal(["b", "a"], RoutingPlanPresenter.Rows(plan).Select(row => row.Role));
        Assert.Equal("Cost/run", RoutingPlanPresenter.Header.Cost);
        Assert.Same(plan.Decisions[1], plan.For("A"));
    }
}
