using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Approvals;
using AiSoc.Investigations.Ports;
using AiSoc.Narratives.Rendering;

namespace AiSoc.Narratives.Investigations;

/// <summary>
/// Adds the incident's narrative, rendered by <see cref="NarrativeRenderer"/>, to the Adaptive Card of each approval
/// request before the proposed actions, then passes the notice on. Other notices, and notices that do not name
/// their stored incident, pass unchanged.
/// </summary>
public sealed class NarrativeApprovalNotifier(INotifier next, InvestigationNarratives narratives, IApprovalStore approvals) : INotifier
{
    private const string ProposedActionsHeading = "Proposed actions";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task NotifyAsync(InvestigationNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Kind != NoticeKind.ApprovalRequested || notice.AdaptiveCard is null || notice.TriageKey is null || notice.IncidentId is null)
        {
            await next.NotifyAsync(notice, cancellationToken).ConfigureAwait(false);
            return;
        }

        var stored = await approvals.GetAsync(notice.ApprovalId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Approval request {notice.ApprovalId} was not found in the approval store.");
        var plan = InvestigationNarratives.PlanOf(stored.Request.Actions);
        var narrative = await narratives.GetAsync(notice.TriageKey, notice.IncidentId, plan, cancellationToken).ConfigureAwait(false);
        var narrativeCard = NarrativeRenderer.RenderAdaptiveCard(narrative, plan);

        await next.NotifyAsync(notice with { AdaptiveCard = Merge(notice.AdaptiveCard, narrativeCard) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts the body of <paramref name="narrativeCard"/> before the proposed actions of <paramref name="approvalCard"/>, or at its end.</summary>
    public static string Merge(string approvalCard, JsonObject narrativeCard)
    {
        var card = JsonNode.Parse(approvalCard)!.AsObject();
        var body = card["body"]!.AsArray();
        var insertAt = body.Select((element, index) => (element, index))
            .Where(pair => pair.element?["text"]?.GetValue<string>() == ProposedActionsHeading)
            .Select(pair => pair.index)
            .DefaultIfEmpty(body.Count)
            .First();

        foreach (var element in narrativeCard["body"]!.AsArray().Select(element => element!.DeepClone()))
        {
            body.Insert(insertAt++, element);
        }

        return card.ToJsonString(Indented);
    }
}
