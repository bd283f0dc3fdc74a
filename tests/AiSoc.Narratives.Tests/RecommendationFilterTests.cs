using AiSoc.Narratives.Rendering;
using AiSoc.Narratives.Tests.Support;

namespace AiSoc.Narratives.Tests;

public sealed class RecommendationFilterTests
{
    [Fact]
    public void Filter_PlannedAction_IsKept()
    {
        RecommendedStep[] steps = [new("Isolate the device.", "ISOLATE-DEVICE", " ws-042 ")];

        var result = RecommendationFilter.Filter(steps, TestIncidents.Plan);

        Assert.Single(result.Kept);
        Assert.Equal(0, result.DroppedCount);
    }

    [Fact]
    public void Filter_PlannedActionOnOtherTarget_IsDropped()
    {
        RecommendedStep[] steps = [new("Isolate the server.", "isolate-device", "srv-001")];

        var result = RecommendationFilter.Filter(steps, TestIncidents.Plan);

        Assert.Empty(result.Kept);
        Assert.Equal(1, result.DroppedCount);
    }

    [Theory]
    [InlineData("Review the sign-in logs of the user.", true)]
    [InlineData("Check whether the mailbox contains forwarding rules.", true)]
    [InlineData("Reset the user's password.", false)]
    [InlineData("Block the sender domain.", false)]
    [InlineData("Approve the pending actions.", false)]
    [InlineData("Run all proposed actions.", false)]
    [InlineData("Close the incident as benign.", false)]
    public void Filter_InvestigationStep_RejectsActionWords(string text, bool isKept)
    {
        RecommendedStep[] steps = [new(text)];

        var result = RecommendationFilter.Filter(steps, TestIncidents.Plan);

        Assert.Equal(isKept ? 1 : 0, result.Kept.Count);
    }

    [Fact]
    public void Filter_PlannedActionClaimingApproval_IsDropped()
    {
        RecommendedStep[] steps = [new("Isolation is approved; execute it.", "isolate-device", "ws-042")];

        var result = RecommendationFilter.Filter(steps, TestIncidents.Plan);

        Assert.Equal(1, result.DroppedCount);
    }

    [Fact]
    public void Filter_EmptyPlan_DropsEveryAction()
    {
        RecommendedStep[] steps = [new("Isolate the device.", "isolate-device", "ws-042"), new("Review the alert.")];

        var result = RecommendationFilter.Filter(steps, []);

        Assert.Equal("Review the alert.", Assert.Single(result.Kept).Text);
        Assert.Equal(1, result.DroppedCount);
    }
}
