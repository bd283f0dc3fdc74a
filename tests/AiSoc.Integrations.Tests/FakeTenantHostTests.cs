using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AiSoc.FakeTenant;

namespace AiSoc.Integrations.Tests;

public sealed class FakeTenantHostTests
{
    [Fact]
    public async Task StartAsync_Default_ServesLabTenantOnLoopback()
    {
        await using var host = await FakeTenantHost.StartAsync();
        using var http = new HttpClient();

        var user = await http.GetFromJsonAsync<JsonObject>(new Uri(host.Urls.GraphServiceRoot + "/users/" + LabTenant.MeganId));
        var device = await http.GetFromJsonAsync<JsonObject>(new Uri(host.Urls.DefenderBaseAddress, "api/machines/" + LabTenant.WorkstationId));

        Assert.True(host.Urls.GraphServiceRoot.IsLoopback);
        Assert.True(host.Urls.DefenderBaseAddress.IsLoopback);
        Assert.True(host.Urls.ArmBaseAddress.IsLoopback);
        Assert.Equal(LabTenant.MeganUpn, user!["userPrincipalName"]!.GetValue<string>());
        Assert.Equal(LabTenant.WorkstationDnsName, device!["computerDnsName"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartAsync_SeedFalse_ServesNoUsers()
    {
        await using var host = await FakeTenantHost.StartAsync(seed: false);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(host.Urls.GraphServiceRoot + "/users/" + LabTenant.MeganId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Snapshot_AfterRequest_ListsUsersAndRequests()
    {
        await using var host = await FakeTenantHost.StartAsync();
        using var http = new HttpClient();
        using var _ = await http.GetAsync(new Uri(host.Urls.GraphServiceRoot + "/users/" + LabTenant.AdminId));

        var snapshot = JsonNode.Parse(FakeTenantSnapshot.ToJson(host))!;

        Assert.Equal(4, snapshot["users"]!.AsArray().Count);
        Assert.Equal("/v1.0/users/" + LabTenant.AdminId, snapshot["requests"]![0]!["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Snapshot_AppliedToNewHost_RestoresChangedState()
    {
        string saved;
        await using (var first = await FakeTenantHost.StartAsync())
        {
            first.Graph.User(LabTenant.MeganId).AccountEnabled = false;
            first.Defender.AddMachineAction(LabTenant.WorkstationId, "Isolate", "Succeeded", "AiSoc isolate-device [aisoc:inv-1|isolate-device|host:mde:x]");
            first.Arm.Incident(LabTenant.SentinelIncidentName).Comments["c1"] = "AiSoc verdict.";
            saved = FakeTenantSnapshot.ToJson(first);
        }

        await using var second = await FakeTenantHost.StartAsync();
        FakeTenantSnapshot.Apply(second, saved, "state.json");

        Assert.False(second.Graph.User(LabTenant.MeganId).AccountEnabled);
        Assert.Equal("Isolate", Assert.Single(second.Defender.MachineActions).Type);
        Assert.Equal("AiSoc verdict.", second.Arm.Incident(LabTenant.SentinelIncidentName).Comments["c1"]);
    }

    [Fact]
    public async Task Snapshot_InvalidJson_NamesSource()
    {
        await using var host = await FakeTenantHost.StartAsync();

        var error = Assert.Throws<InvalidDataException>(() => FakeTenantSnapshot.Apply(host, "{not json", "state.json"));

        Assert.StartsWith("state.json: invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_RecordMissingField_NamesListAndIndex()
    {
        await using var host = await FakeTenantHost.StartAsync();

        var error = Assert.Throws<InvalidDataException>(() => FakeTenantSnapshot.Apply(host, "{\"machineActions\":[{\"machineId\":\"m1\"}]}", "state.json"));

        Assert.StartsWith("state.json: machineActions[0]: a field is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("type is missing", error.Message, StringComparison.Ordinal);
    }
}
