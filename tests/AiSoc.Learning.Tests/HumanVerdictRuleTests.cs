using AiSoc.Learning.Data;
using AiSoc.Learning.Tenant;

namespace AiSoc.Learning.Tests;

public class HumanVerdictRuleTests
{
    private static readonly VerdictClosure HumanClosure = new(
        "TruePositive", "nora.lind@fabrikam.com", "nora.lind@fabrikam.com", "User", "Confirmed with the user.", [], null);

    [Fact]
    public void Evaluate_AnalystClosure_IsHumanLabel()
    {
        var outcome = HumanVerdictRule.Evaluate(HumanClosure, out var grade);

        Assert.Equal(LabelOutcome.Human, outcome);
        Assert.Equal(IncidentGrade.TruePositive, grade);
    }

    [Theory]
    [InlineData("Application")]
    [InlineData("ManagedIdentity")]
    [InlineData("key")]
    public void Evaluate_AppModifierType_IsAutomatic(string identityType)
    {
        var closure = HumanClosure with { ModifiedBy = "2f1d0c9b-0000-4000-8000-000000000001", ModifiedByType = identityType };

        var outcome = HumanVerdictRule.Evaluate(closure, out _);

        Assert.Equal(LabelOutcome.Automatic, outcome);
    }

    [Theory]
    [InlineData("Automation")]
    [InlineData("API-App:6f8e2b1a-4c3d-4e5f-9a8b-7c6d5e4f3a2b")]
    [InlineData("AiSoc triage")]
    public void Evaluate_AutomationModifier_IsAutomatic(string modifiedBy)
    {
        var closure = HumanClosure with { ModifiedBy = modifiedBy, ModifiedByType = null };

        var outcome = HumanVerdictRule.Evaluate(closure, out _);

        Assert.Equal(LabelOutcome.Automatic, outcome);
    }

    [Fact]
    public void Evaluate_AutomationAssignee_IsAutomatic()
    {
        var closure = new VerdictClosure("falsePositive", "Automation", null, null, null, [], null);

        var outcome = HumanVerdictRule.Evaluate(closure, out _);

        Assert.Equal(LabelOutcome.Automatic, outcome);
    }

    [Fact]
    public void Evaluate_NoOwnerAutomationComment_IsAutomatic()
    {
        var closure = new VerdictClosure("FalsePositive", null, null, null, "Closed by automation rule: known scanner.", [], null);

        var outcome = HumanVerdictRule.Evaluate(closure, out _);

        Assert.Equal(LabelOutcome.Automatic, outcome);
    }

    [Fact]
    public void Evaluate_NoOwnerAutoClosedLabel_IsAutomatic()
    {
        var closure = new VerdictClosure("BenignPositive", null, null, null, null, ["auto-closed"], null);

        var outcome = HumanVerdictRule.Evaluate(closure, out _);

        Assert.Equal(LabelOutcome.Automatic, outcome);
    }

    [Fact]
    public void Evaluate_OwnerWritesAboutAutomation_StaysHuman()
    {
        var closure = HumanClosure with { Comment = "The automation rule missed this one, confirmed by hand." };

        var outcome = HumanVerdictRule.Evaluate(closure, out _);

        Assert.Equal(LabelOutcome.Human, outcome);
    }

    [Fact]
    public void Evaluate_NoOwnerNoMarker_IsHumanLabel()
    {
        var closure = new VerdictClosure("FalsePositive", null, null, null, "Test account.", [], null);

        var outcome = HumanVerdictRule.Evaluate(closure, out var grade);

        Assert.Equal(LabelOutcome.Human, outcome);
        Assert.Equal(IncidentGrade.FalsePositive, grade);
    }

    [Theory]
    [InlineData("Undetermined")]
    [InlineData("unknown")]
    [InlineData("unknownFutureValue")]
    [InlineData("")]
    [InlineData(null)]
    public void Evaluate_NoGradeClassification_IsUnlabelled(string? classification)
    {
        var closure = HumanClosure with { Classification = classification };

        var outcome = HumanVerdictRule.Evaluate(closure, out _);

        Assert.Equal(LabelOutcome.Unlabelled, outcome);
    }

    [Theory]
    [InlineData("TruePositive", IncidentGrade.TruePositive)]
    [InlineData("truePositive", IncidentGrade.TruePositive)]
    [InlineData("BenignPositive", IncidentGrade.BenignPositive)]
    [InlineData("informationalExpectedActivity", IncidentGrade.BenignPositive)]
    [InlineData("InformationalExpectedActivity", IncidentGrade.BenignPositive)]
    [InlineData("falsePositive", IncidentGrade.FalsePositive)]
    public void TenantClassification_ProviderValue_MapsToGrade(string text, IncidentGrade expected)
    {
        var parsed = TenantClassification.TryParse(text, out var grade);

        Assert.True(parsed);
        Assert.Equal(expected, grade);
    }
}
