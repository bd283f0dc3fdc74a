using System.Globalization;
using System.Text;
using AiSoc.Investigations;
using AiSoc.Investigations.Services;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// The comment AiSoc adds to a Sentinel incident when its investigation ends: verdict, playbook and the result of
/// each planned action. It contains AiSoc's own values only, never the incident's title or alert text, because a
/// Sentinel comment renders HTML and those fields come from attackers.
/// </summary>
public static class SentinelCaseComment
{
    /// <summary>Renders the comment of <paramref name="record"/>.</summary>
    public static string Render(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"AiSoc investigation {record.InvestigationId} finished: verdict {VerdictNames.Name(record.Verdict)}");
        if (record.Confidence is { } confidence)
        {
            text.Append(CultureInfo.InvariantCulture, $" (confidence {confidence:0.00})");
        }

        text.Append('.');
        if (record.PlaybookId is { } playbook)
        {
            text.Append(CultureInfo.InvariantCulture, $" Playbook {playbook}.");
        }

        foreach (var action in record.Actions)
        {
            text.Append(CultureInfo.InvariantCulture, $" {action.IdempotencyKey.Split('|')[^1]}: {action.Result}.");
        }

        text.Append(CultureInfo.InvariantCulture, $" Case report: GET /api/investigations/{record.InvestigationId}/report.");
        return text.ToString();
    }
}
