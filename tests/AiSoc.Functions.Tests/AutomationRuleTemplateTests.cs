using System.Text.Json;
using AiSoc.Functions.Tests.Support;

namespace AiSoc.Functions.Tests;

/// <summary>Compiles the Sentinel automation rule with the Bicep CLI and checks the rule it defines.</summary>
public sealed class AutomationRuleTemplateTests
{
    public const string RelativePath = "playbooks/sentinel/automation-rule.bicep";

    private static readonly Lazy<(int ExitCode, string Template, string Diagnostics)> Build =
        new(() => BicepCli.Build(RelativePath));

    [Fact]
    public void AutomationRule_Build_HasNoErrorsOrWarnings()
    {
        var (exitCode, _, diagnostics) = Build.Value;

        Assert.True(exitCode == 0, $"bicep build failed with exit code {exitCode}:\n{diagnostics}");
        Assert.True(string.IsNullOrWhiteSpace(diagnostics), $"bicep build reported diagnostics:\n{diagnostics}");
    }

    [Fact]
    public void AutomationRule_Scope_IsWorkspace()
    {
        var rule = Rule();

        Assert.Contains("Microsoft.OperationalInsights/workspaces", rule.GetProperty("scope").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AutomationRule_Trigger_IsIncidentCreated()
    {
        var trigger = Rule().GetProperty("properties").GetProperty("triggeringLogic");

        Assert.Equal("Incidents", trigger.GetProperty("triggersOn").GetString());
        Assert.Equal("Created", trigger.GetProperty("triggersWhen").GetString());
        Assert.Equal("[parameters('conditions')]", trigger.GetProperty("conditions").GetString());
    }

    [Fact]
    public void AutomationRule_Action_RunsPlaybookInTenant()
    {
        var action = Assert.Single(Rule().GetProperty("properties").GetProperty("actions").EnumerateArray());
        var configuration = action.GetProperty("actionConfiguration");

        Assert.Equal("RunPlaybook", action.GetProperty("actionType").GetString());
        Assert.Equal("[parameters('logicAppResourceId')]", configuration.GetProperty("logicAppResourceId").GetString());
        Assert.Equal("[tenant().tenantId]", configuration.GetProperty("tenantId").GetString());
    }

    [Fact]
    public void AutomationRule_Order_IsBoundedParameter()
    {
        var order = Template().GetProperty("parameters").GetProperty("order");

        Assert.Equal("[parameters('order')]", Rule().GetProperty("properties").GetProperty("order").GetString());
        Assert.Equal(1, order.GetProperty("minValue").GetInt32());
        Assert.Equal(1000, order.GetProperty("maxValue").GetInt32());
    }

    [Fact]
    public void AutomationRule_Conditions_DefaultToEmpty()
    {
        var conditions = Template().GetProperty("parameters").GetProperty("conditions");

        Assert.Equal("array", conditions.GetProperty("type").GetString());
        Assert.Equal(0, conditions.GetProperty("defaultValue").GetArrayLength());
    }

    private static JsonElement Template() => JsonDocument.Parse(Build.Value.Template).RootElement;

    private static JsonElement Rule() => ArmTemplate.Resource(Template(), "Microsoft.SecurityInsights/automationRules");
}
