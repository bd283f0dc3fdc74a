using System.Globalization;
using AiSoc.Core.Schema;

namespace AiSoc.Narratives;

/// <summary>
/// Writes a deterministic narrative from the incident's fields alone. It is the default when no model is configured
/// and the fallback whenever the model's output cannot be used.
/// </summary>
public sealed class TemplateNarrativeWriter : INarrativeWriter
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss'Z'";

    /// <inheritdoc />
    public Task<InvestigationNarrative> WriteAsync(NarrativeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        return Task.FromResult(Write(request, NarrativeFallbackReason.NotConfigured, detail: null, TimeSpan.Zero));
    }

    /// <summary>Writes the template narrative and records why the model's text is not used.</summary>
    public static InvestigationNarrative Write(
        NarrativeRequest request,
        NarrativeFallbackReason reason,
        string? detail,
        TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(request);

        var incident = request.Incident;
        return new InvestigationNarrative
        {
            IncidentId = incident.Id,
            Summary = BuildSummary(request),
            TimelineNarrative = BuildTimeline(request),
            VerdictRationale = BuildRationale(request),
            RecommendedNextSteps = BuildSteps(request),
            OpenQuestions = BuildQuestions(request),
            IsAiWritten = false,
            Latency = latency,
            FallbackReason = reason,
            FallbackDetail = detail,
        };
    }

    private static string BuildSummary(NarrativeRequest request)
    {
        var incident = request.Incident;
        var tactics = incident.Tactics.Count > 0 ? string.Join(", ", incident.Tactics) : "no known tactic";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Incident {incident.Id} \"{incident.Title}\" is {Describe(incident.Verdict)} with score {incident.Score} and severity {incident.Severity}. "
            + $"It groups {incident.AlertIds.Count} alert(s) from {incident.FirstActivityAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)} "
            + $"to {incident.LastActivityAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)} covering {tactics}.");
    }

    private static string BuildTimeline(NarrativeRequest request)
    {
        var timeline = request.Incident.Timeline;
        if (timeline.Count == 0)
        {
            return "The incident has no timeline entries.";
        }

        var lines = timeline.Select(e => string.Create(
            CultureInfo.InvariantCulture,
            $"At {e.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}, \"{e.Title}\" ({e.Severity})."));
        return string.Join(" ", lines);
    }

    private static string BuildRationale(NarrativeRequest request)
    {
        var incident = request.Incident;
        if (incident.Reasons.Count == 0)
        {
            return $"The verdict {Describe(incident.Verdict)} comes from the scoring rules; they recorded no reasons.";
        }

        return $"The verdict {Describe(incident.Verdict)} rests on: {string.Join("; ", incident.Reasons)}.";
    }

    private static List<RecommendedStep> BuildSteps(NarrativeRequest request)
    {
        var steps = request.ProposedActions
            .Select(a => new RecommendedStep($"Review the proposed action; impact: {a.Impact}", a.ActionType, a.Target))
            .ToList();

        steps.Add(new RecommendedStep("Review the alerts of the incident in their source product and confirm the activity with the owner of the affected entities."));
        return steps;
    }

    private static List<string> BuildQuestions(NarrativeRequest request)
    {
        var questions = new List<string>();
        if (request.Incident.Verdict == Verdict.NeedsContext)
        {
            questions.Add("Which user, device or resource does the activity belong to? The alerts name no usable entity.");
        }

        if (request.Incident.HeldBackEntities.Count > 0)
        {
            questions.Add("Are the shared entities that were kept from linking part of this incident?");
        }

        questions.Add("Was the activity expected by the owner of the affected entities?");
        return questions;
    }

    private static string Describe(Verdict verdict) => verdict switch
    {
        Verdict.Benign => "benign",
        Verdict.Suspicious => "suspicious",
        Verdict.Malicious => "malicious",
        _ => "in need of context",
    };
}
