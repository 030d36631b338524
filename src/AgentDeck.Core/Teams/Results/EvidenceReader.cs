using System.Text.Json;

namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// Reads one <c>evidence</c> entry. A path outside the repository or an absurd line range is a warning, not an
/// error: the entry is kept as written and only its use as a location is dropped.
/// </summary>
internal static class EvidenceReader
{
    public static Evidence? Read(JsonFields fields, JsonElement element, string path)
    {
        if (!fields.IsObject(element, path))
        {
            return null;
        }

        var filePath = fields.String(element, "path", path, required: true) ?? "";
        var linesText = fields.String(element, "lines", path, required: false) ?? "";
        var quote = fields.String(element, "quote", path, required: false) ?? "";

        var usable = filePath.Length > 0;
        if (filePath.Length > 0 && RepoRelativePath.Problem(filePath) is { } pathProblem)
        {
            fields.Warn(JsonFields.Join(path, "path"), pathProblem);
            usable = false;
        }

        LineRange? lines = null;
        if (linesText.Trim().Length > 0)
        {
            if (LineRange.TryParse(linesText, out var range, out var linesProblem))
            {
                lines = range;
            }
            else
            {
                fields.Warn(JsonFields.Join(path, "lines"), linesProblem!);
            }
        }

        return new Evidence(usable ? RepoRelativePath.Normalize(filePath) : filePath, linesText, lines, quote, usable);
    }
}
