using System.Text.Json.Nodes;
using AiSoc.Functions.Incidents;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiSoc.Functions.Tests.Incidents;

/// <summary>An app deployed without a Sentinel workspace starts, and rejects incident deliveries with a clear reason.</summary>
public sealed class NoWorkspaceIntakeTests : IAsyncLifetime
{
    private IntakeHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await IntakeHarness.StartAsync(string.Empty);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Run_NoWorkspaceSetting_Returns503NamingSetting()
    {
        var body = new JsonObject
        {
            ["object"] = new JsonObject { ["id"] = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/incidents/abc" },
        }.ToJsonString();

        var (result, _) = await _harness.PostAsync(body);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Contains("Integrations:Sentinel:WorkspaceResourceId", Assert.IsType<ProblemDetails>(problem.Value).Detail, StringComparison.Ordinal);
        Assert.Empty(_harness.Arm.Requests);
    }
}
