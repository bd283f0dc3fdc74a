using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Narratives.Rendering;

namespace AiSoc.Narratives.Investigations;

/// <summary>
/// Adds the incident's narrative to the Markdown case report, rendered by <see cref="NarrativeRenderer"/>: escaped,
/// without links, labelled by who wrote it, and with recommendations outside the plan dropped. Then passes the case on.
/// A record without its triage key passes unchanged.
/// </summary>
public sealed class NarrativeCaseRecordSink(ICaseRecordSink next, InvestigationNarratives narratives) : ICaseRecordSink
{
    /// <summary>Heading of the narrative section in the case report.</summary>
    public const string Heading = "## Narrative";

    private const string VerdictHeading = "## Verdict";

    public async Task WriteAsync(CaseRecord record, string markdownReport, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(markdownReport);

        if (record.TriageKey is null)
        {
            await next.WriteAsync(record, markdownReport, cancellationToken).ConfigureAwait(false);
            return;
        }

        var plan = InvestigationNarratives.PlanOf(record.PlannedActions);
        var narrative = await narratives.GetAsync(record.TriageKey, record.IncidentId, plan, cancellationToken).ConfigureAwait(false);
        var section = Heading + "\n\n" + NarrativeRenderer.RenderMarkdown(narrative, plan) + "\n";

        // The narrative goes before the verdict, so a reader gets the account first and the evidence after it.
        var verdictAt = markdownReport.IndexOf("\n" + VerdictHeading, StringComparison.Ordinal);
        var report = verdictAt < 0
            ? markdownReport.TrimEnd('\n') + "\n\n" + section
            : markdownReport[..(verdictAt + 1)] + section + "\n" + markdownReport[(verdictAt + 1)..];
        await next.WriteAsync(record, report, cancellationToken).ConfigureAwait(false);
    }
}
