namespace AgentDeck.Tui.Source;

/// <summary>
/// Tells the screen that its source may have new data, so it refreshes at once instead of waiting for its next poll.
/// The callback may run on any thread and may be called far more often than the screen refreshes.
/// </summary>
public interface IChangeNotifier
{
    IDisposable Watch(Action changed);
}
