using System.Text.Json;
using AiSoc.Functions.Tests.Support;

namespace AiSoc.Functions.Tests;

/// <summary>Compiles the forwarding Logic App with the Bicep CLI and checks the workflow it defines.</summary>
public sealed class LogicAppTemplateTests
{
    public const string RelativePath = "playbooks/sentinel/forward-incident.bicep";

    private static readonly Lazy<(int ExitCode, string Template, string Diagnostics)> Build =
        new(() => BicepCli.Build(RelativePath));

    [Fact]
    public void ForwardIncident_Build_HasNoErrorsOrWarnings()
    {
        var (exitCode, _, diagnostics) = Build.Value;

        Assert.True(exitCode == 0, $"bicep build failed with exit code {exitCode}:\n{diagnostics}");
        Assert.True(string.IsNullOrWhiteSpace(diagnostics), $"bicep build reported diagnostics:\n{diagnostics}");
    }

    [Fact]
    public void ForwardIncident_Workflow_HasSystemAssignedIdentity()
    {
        var workflow = Resource("Microsoft.Logic/workflows");

        Assert.Equal("SystemAssigned", workflow.GetProperty("identity").GetProperty("type").GetString());
    }

    [Fact]
    public void ForwardIncident_Trigger_IsSentinelIncidentCreation()
    {
        var trigger = Definition().GetProperty("triggers").GetProperty("Microsoft_Sentinel_incident");

        Assert.Equal("ApiConnectionWebhook", trigger.GetProperty("type").GetString());
        Assert.Equal("/incident-creation", trigger.GetProperty("inputs").GetProperty("path").GetString());
    }

    [Fact]
    public void ForwardIncident_Connection_UsesManagedIdentity()
    {
        var connection = Resource("Microsoft.Web/connections");
        var workflowConnection = Resource("Microsoft.Logic/workflows").GetProperty("properties").GetProperty("parameters")
            .GetProperty("$connections").GetProperty("value").GetProperty("azuresentinel");

        Assert.Equal("Alternative", connection.GetProperty("properties").GetProperty("parameterValueType").GetString());
        Assert.Contains("'azuresentinel'", connection.GetProperty("properties").GetProperty("api").GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("ManagedServiceIdentity", workflowConnection.GetProperty("connectionProperties").GetProperty("authentication").GetProperty("type").GetString());
    }

    [Fact]
    public void ForwardIncident_HttpAction_UsesManagedIdentity()
    {
        var inputs = Definition().GetProperty("actions").GetProperty("Forward_to_AiSoc").GetProperty("inputs");
        var authentication = inputs.GetProperty("authentication");

        Assert.Equal("POST", inputs.GetProperty("method").GetString());
        Assert.Equal("@triggerBody()", inputs.GetProperty("body").GetString());
        Assert.Contains("/api/sentinel/incidents", inputs.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal("ManagedServiceIdentity", authentication.GetProperty("type").GetString());
        Assert.Equal("[parameters('webhookAudience')]", authentication.GetProperty("audience").GetString());
    }

    [Fact]
    public void ForwardIncident_FunctionKey_IsSecureParameter()
    {
        var parameter = Template().GetProperty("parameters").GetProperty("functionKey");

        Assert.Equal("securestring", parameter.GetProperty("type").GetString());
        Assert.Equal("SecureString", Definition().GetProperty("parameters").GetProperty("functionKey").GetProperty("type").GetString());
    }

    [Fact]
    public void ForwardIncident_Outputs_IncludePrincipalId()
    {
        var outputs = Template().GetProperty("outputs").EnumerateObject().Select(output => output.Name).ToList();

        Assert.Contains("principalId", outputs);
        Assert.Contains("workflowId", outputs);
    }

    private static JsonElement Template() => JsonDocument.Parse(Build.Value.Template).RootElement;

    private static JsonElement Definition() =>
        Resource("Microsoft.Logic/workflows").GetProperty("properties").GetProperty("definition");

    // Bicep emits resources as an object keyed by symbolic name or as an array, depending on the features used.
    private static JsonElement Resource(string type)
    {
        var resources = Template().GetProperty("resources");
        var all = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(property => property.Value);
        return all.Single(resource => resource.GetProperty("type").GetString() == type);
    }
}
