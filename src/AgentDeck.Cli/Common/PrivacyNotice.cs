using AgentDeck.Ledger;

namespace AgentDeck.Cli.Common;

/// <summary>The one line a ledger open prints when it found state files readable by others and made them private.</summary>
public static class PrivacyNotice
{
    public static SqliteRunLedger Report(SqliteRunLedger ledger, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var tightened = ledger.Tightened;
        if (tightened.Count > 0)
        {
            var others = tightened.Count == 1 ? "" : $" and {tightened.Count - 1} more";
            error.WriteLine($"agentdeck: other local users could read the state folder; made it private to you (folders 0700, files 0600): {tightened[0]}{others}");
        }

        return ledger;
    }
}
