namespace AgentDeck.Core.Teams.Repair;

/// <summary>Resumes a finished member with one more message and gives back its new final answer.</summary>
public interface IMemberConversation
{
    Task<string> ResumeAsync(string message, CancellationToken cancellationToken);
}
