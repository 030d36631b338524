using AgentDeck.Discovery.Doctor;

namespace AgentDeck.Discovery.Tests.Doctor;

public sealed class FakeLocator(params string[] installed) : IExecutableLocator
{
    public string? Find(string program) => installed.Contains(program) ? $"/usr/bin/{program}" : null;
}
