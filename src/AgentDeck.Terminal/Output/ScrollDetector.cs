namespace AgentDeck.Terminal;

/// <summary>
/// Finds the run of whole screen rows that the next frame shows shifted up or down from the previous one (a log
/// view that scrolled), so the diff writer can scroll them with DECSTBM + SU/SD instead of rewriting every cell.
/// Rows are compared by hash first and confirmed cell by cell.
/// </summary>
internal sealed class ScrollDetector
{
    private const int MinimumRowsSaved = 2;
    private int[] _previousHashes = [];
    private int[] _nextHashes = [];

    public ScrollRegion? Find(CellBuffer previous, CellBuffer next)
    {
        var height = next.Height;
        if (height < 3 || previous.Width != next.Width || previous.Height != height)
        {
            return null;
        }

        Hash(previous, ref _previousHashes);
        Hash(next, ref _nextHashes);
        var changedRows = 0;
        for (var y = 0; y < height; y++)
        {
            if (_previousHashes[y] != _nextHashes[y])
            {
                changedRows++;
            }
        }

        if (changedRows < MinimumRowsSaved)
        {
            return null;
        }

        ScrollRegion? best = null;
        var bestSaved = MinimumRowsSaved - 1;
        var maxShift = height / 2;
        for (var shift = -maxShift; shift <= maxShift; shift++)
        {
            if (shift != 0)
            {
                FindRuns(previous, next, shift, ref best, ref bestSaved);
            }
        }

        return best;
    }

    // Runs of rows y where next[y] equals previous[y + shift].
    private void FindRuns(CellBuffer previous, CellBuffer next, int shift, ref ScrollRegion? best, ref int bestSaved)
    {
        var height = next.Height;
        var start = -1;
        var saved = 0;
        for (var y = Math.Max(0, -shift); y <= Math.Min(height, height - shift); y++)
        {
            var matches = y < Math.Min(height, height - shift)
                && _nextHashes[y] == _previousHashes[y + shift]
                && next.Row(y).SequenceEqual(previous.Row(y + shift));
            if (matches)
            {
                if (start < 0)
                {
                    (start, saved) = (y, 0);
                }

                if (_nextHashes[y] != _previousHashes[y])
                {
                    saved++;
                }

                continue;
            }

            if (start >= 0 && saved > bestSaved)
            {
                bestSaved = saved;
                best = shift > 0
                    ? new ScrollRegion(start, y - 1 + shift, shift)
                    : new ScrollRegion(start + shift, y - 1, shift);
            }

            start = -1;
        }
    }

    private static void Hash(CellBuffer buffer, ref int[] hashes)
    {
        if (hashes.Length != buffer.Height)
        {
            hashes = new int[buffer.Height];
        }

        for (var y = 0; y < buffer.Height; y++)
        {
            var hash = 17;
            foreach (var cell in buffer.Row(y))
            {
                var text = cell.Text;
                var textHash = text.Length == 1 ? text[0] : text.GetHashCode();
                hash = unchecked((hash * 31) + textHash) ^ cell.Style.GetHashCode();
            }

            hashes[y] = hash;
        }
    }
}
