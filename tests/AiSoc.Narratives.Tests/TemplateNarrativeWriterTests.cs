using AiSoc.Narratives.Tests.Support;

namespace AiSoc.Narratives.Tests;

public sealed class TemplateNarrativeWriterTests
{
    [Fact]
    public async Task WriteAsync_PhishingIncident_DescribesVerdictAndTimes()
    {
        var narrative = await new TemplateNarrativeWriter().WriteAsync(TestIncidents.PhishingRequest());

        Assert.Equal(
            "Incident inc-0001 \"Phishing followed by encoded PowerShell on ws-042\" is malicious with score 88 and severity High. "
            + "It groups 2 alert(s) from 2026-11-03 09:15:00Z to 2026-11-03 09:19:00Z covering InitialAccess, Execution.",
            narrative.Summary);
        Assert.False(narrative.IsAiWritten);
        Assert.Null(narrative.ModelName);
    }

    [Fact]
    public async Task WriteAsync_Plan_RecommendsEveryProposedAction()
    {
        var narrative = await new TemplateNarrativeWriter().WriteAsync(TestIncidents.PhishingRequest());

        var actions = narrative.RecommendedNextSteps.Where(s => s.ActionType is not null).Select(s => s.ActionType).ToList();

        Assert.Equal(["isolate-device", "soft-delete-mail"], actions);
    }

    [Fact]
    public async Task WriteAsync_Plan_PassesRecommendationFilter()
    {
        var narrative = await new TemplateNarrativeWriter().WriteAsync(TestIncidents.PhishingRequest());

        var result = Rendering.RecommendationFilter.Filter(narrative.RecommendedNextSteps, TestIncidents.Plan);

        Assert.Equal(0, result.DroppedCount);
    }
}
