using System.Reflection;

namespace AgentDeck.Architecture.Tests;

public sealed class AssemblyReferenceTests
{
    private static readonly ArchitectureMap Map = ArchitectureMap.Load();

    public static TheoryData<string> Assemblies()
    {
        var data = new TheoryData<string>();
        foreach (var name in Map.AllowedArrows.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_map_names_every_AgentDeck_project_under_src()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src")).Select(Path.GetFileName).ToHashSet();

        Assert.Equal(projects.Order(), Map.AllowedArrows.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void An_assembly_references_only_the_AgentDeck_assemblies_its_arrows_allow(string assemblyName)
    {
        var referenced = References(assemblyName).Where(name => name.StartsWith("AgentDeck.", StringComparison.Ordinal));

        var notAllowed = referenced.Except(Map.AllowedArrows[assemblyName]).ToList();

        Assert.True(notAllowed.Count == 0, $"{assemblyName} must not reference {string.Join(", ", notAllowed)} (docs/architecture.md)");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void An_assembly_references_none_of_its_forbidden_packages(string assemblyName)
    {
        var forbidden = Map.Forbidden.GetValueOrDefault(assemblyName) ?? [];

        var offending = References(assemblyName)
            .Where(name => forbidden.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.True(offending.Count == 0, $"{assemblyName} must not reference {string.Join(", ", offending)} (docs/architecture.md)");
    }

    private static IEnumerable<string> References(string assemblyName)
    {
        var assembly = assemblyName == "AgentDeck.Cli"
            ? Assembly.Load(new AssemblyName("agentdeck"))
            : Assembly.Load(new AssemblyName(assemblyName));
        return assembly.GetReferencedAssemblies().Select(reference => reference.Name!).Select(Normalize);
    }

    private static string Normalize(string name) => name == "agentdeck" ? "AgentDeck.Cli" : name;
}
