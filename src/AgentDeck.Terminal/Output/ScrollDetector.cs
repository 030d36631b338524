namespace AgentDeck.Terminal;

/// <summary>
/// Finds runs of whole screen rows that the next frame shows shifted up or down from what the terminal shows (a log
/// view that scrolled), so the diff writer can scroll them with a scroll region instead of rewriting every cell.
/// Rows are compared by hash only: a collision costs bytes, never correctness, because the cell diff that follows
/// compares against the scrolled screen.
/// </summary>
internal sealed class ScrollDetector
{
    private const int MinimumRowsSaved = 2;
    private int[] _screenHashes = [];
    private int[] _nextHashes = [];
    private int[] _lastNextHashes = [];
    private long _lastNextStamp;
    private int _blankRowHash;
    private int _blankRowWidth = -1;

    /// <summary>Hashes the rows of both frames; call once per frame before <see cref="Find"/>.</summary>
    public void Begin(CellBuffer screen, CellBuffer next)
    {
        // The screen usually shows last frame's next (or a copy of it): its rows were hashed then.
        var screenStamp = screen.ContentStamp;
        if (screenStamp == _lastNextStamp && _lastNextHashes.Length == screen.Height)
        {
            (_screenHashes, _lastNextHashes) = (_lastNextHashes, _screenHashes);
        }
        else
        {
            Hash(screen, ref _screenHashes);
        }

        Hash(next, ref _nextHashes);
        if (_lastNextHashes.Length != _nextHashes.Length)
        {
            _lastNextHashes = new int[_nextHashes.Length];
        }

        _nextHashes.CopyTo(_lastNextHashes, 0);
        _lastNextStamp = next.ContentStamp;
        if (_blankRowWidth != next.Width)
        {
            _blankRowHash = BlankRowHash(next.Width);
            _blankRowWidth = next.Width;
        }
    }

    /// <summary>The region whose scroll saves the most rewritten rows, or null when none saves enough.</summary>
    public ScrollRegion? Find()
    {
        var height = _nextHashes.Length;
        if (height < 3)
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
                FindRuns(shift, ref best, ref bestSaved);
            }
        }

        return best;
    }

    /// <summary>Updates the screen's row hashes after the region was scrolled.</summary>
    public void Scrolled(ScrollRegion region)
    {
        var count = region.Bottom - region.Top + 1 - Math.Abs(region.Amount);
        if (region.Amount > 0)
        {
            Array.Copy(_screenHashes, region.Top + region.Amount, _screenHashes, region.Top, count);
            Array.Fill(_screenHashes, _blankRowHash, region.Bottom + 1 - region.Amount, region.Amount);
        }
        else
        {
            Array.Copy(_screenHashes, region.Top, _screenHashes, region.Top - region.Amount, count);
            Array.Fill(_screenHashes, _blankRowHash, region.Top, -region.Amount);
        }
    }

    // Runs of rows y where next[y] equals screen[y + shift]; a run is worth the rows in it that changed.
    private void FindRuns(int shift, ref ScrollRegion? best, ref int bestSaved)
    {
        var height = _nextHashes.Length;
        var first = Math.Max(0, -shift);
        var end = Math.Min(height, height - shift);
        var start = -1;
        var saved = 0;
        for (var y = first; y <= end; y++)
        {
            if (y < end && _nextHashes[y] == _screenHashes[y + shift])
            {
                if (start < 0)
                {
                    (start, saved) = (y, 0);
                }

                if (_nextHashes[y] != _screenHashes[y])
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
            hashes[y] = RowHash(buffer.Row(y));
        }
    }

    private static int BlankRowHash(int width)
    {
        var blank = new Cell[width];
        Array.Fill(blank, Cell.Blank);
        return RowHash(blank);
    }

    private static int RowHash(ReadOnlySpan<Cell> row)
    {
        var hash = 17;
        foreach (var cell in row)
        {
            var text = cell.Text;
            var textHash = text.Length == 1 ? text[0] : text.GetHashCode();
            hash = unchecked(((hash * 31) + textHash) * 31 + cell.Style.GetHashCode());
        }

        return hash;
    }
}
