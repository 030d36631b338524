namespace AgentDeck.Discovery.Doctor;

/// <summary>Finds a program the way a shell would. Returns its full path, or null when it is not installed.</summary>
public interface IExecutableLocator
{
    string? Find(string program);
}
