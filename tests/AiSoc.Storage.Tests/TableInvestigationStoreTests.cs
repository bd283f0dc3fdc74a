using System.Text.Json;
using AiSoc.Core.Correlation;
using AiSoc.Core.Output;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;
using AiSoc.Investigations.Ports;
using Azure.Data.Tables;

namespace AiSoc.Storage.Tests;

public sealed class TableInvestigationStoreTests(AzuriteTables tables) : IClassFixture<AzuriteTables>
{
    private static readonly DateTimeOffset Activity = new(2026, 11, 2, 11, 15, 58, TimeSpan.Zero);

    [Fact]
    public async Task Save_SmallIncident_RoundTrips()
    {
        var store = new TableInvestigationStore(await tables.CreateTableAsync("incidents"));
        var incident = Incident("in-1", alertCount: 2, descriptionLength: 100);

        await store.SaveAsync("run-1", incident);
        var loaded = await store.GetAsync("run-1", "in-1");

        Assert.NotNull(loaded);
        Assert.Equal(Json(incident), Json(loaded));
    }

    [Fact]
    public async Task Save_LargeIncident_SplitsJson()
    {
        var table = await tables.CreateTableAsync("incidents");
        var store = new TableInvestigationStore(table);
        var incident = Incident("in-big", alertCount: 40, descriptionLength: 4_000);

        await store.SaveAsync("run-1", incident);
        var loaded = await store.GetAsync("run-1", "in-big");
        var entity = (await table.GetEntityAsync<TableEntity>("run-1", "in-big")).Value;

        Assert.True(entity.GetInt32("JsonChunks") > 1);
        Assert.Equal(Json(incident), Json(loaded!));
        Assert.Equal(40, loaded!.Alerts.Count);
    }

    [Fact]
    public async Task Save_IncidentOverOneEntity_ThrowsNamingIncident()
    {
        var store = new TableInvestigationStore(await tables.CreateTableAsync("incidents"));
        var incident = Incident("in-huge", alertCount: 60, descriptionLength: 9_000);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.SaveAsync("run-1", incident));

        Assert.Contains("in-huge", error.Message, StringComparison.Ordinal);
        Assert.Contains("60 alerts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_Again_ReplacesAndDropsOldChunks()
    {
        var table = await tables.CreateTableAsync("incidents");
        var store = new TableInvestigationStore(table);
        await store.SaveAsync("run-1", Incident("in-1", alertCount: 40, descriptionLength: 4_000));

        await store.SaveAsync("run-1", Incident("in-1", alertCount: 1, descriptionLength: 10));
        var loaded = await store.GetAsync("run-1", "in-1");
        var entity = (await table.GetEntityAsync<TableEntity>("run-1", "in-1")).Value;

        Assert.Single(loaded!.Alerts);
        Assert.Equal(1, entity.GetInt32("JsonChunks"));
        Assert.False(entity.ContainsKey("Json01"));
    }

    [Fact]
    public async Task Get_UnknownIncident_ReturnsNull()
    {
        var store = new TableInvestigationStore(await tables.CreateTableAsync("incidents"));

        var loaded = await store.GetAsync("run-1", "in-missing");

        Assert.Null(loaded);
    }

    [Fact]
    public async Task Get_MissingChunk_ThrowsNamingProperty()
    {
        var table = await tables.CreateTableAsync("incidents");
        var store = new TableInvestigationStore(table);
        await store.SaveAsync("run-1", Incident("in-1", alertCount: 40, descriptionLength: 4_000));
        var entity = (await table.GetEntityAsync<TableEntity>("run-1", "in-1")).Value;
        entity.Remove("Json01");
        await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync("run-1", "in-1"));

        Assert.Contains("Json01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_InvalidTriageKey_ThrowsArgumentException()
    {
        var store = new TableInvestigationStore(await tables.CreateTableAsync("incidents"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("run/1", Incident("in-1", 1, 10)));
    }

    private static string Json(StoredIncident incident) => JsonSerializer.Serialize(incident, OutputJson.Options);

    private static StoredIncident Incident(string incidentId, int alertCount, int descriptionLength)
    {
        var alerts = Enumerable.Range(1, alertCount).Select(index => Alert(incidentId, index, descriptionLength)).ToList();
        var entities = alerts.SelectMany(alert => alert.Entities).ToList();
        var summary = new IncidentSummary
        {
            Id = incidentId,
            Title = "Suspicious cloud sync tool used to copy files",
            Severity = Severity.High,
            Score = 80,
            Verdict = Verdict.Malicious,
            FirstActivityAt = Activity,
            LastActivityAt = Activity.AddMinutes(alertCount),
            AlertIds = [.. alerts.Select(alert => alert.Id)],
            Tactics = ["Exfiltration"],
            Techniques = ["T1567.002"],
            Sources = [SourceProduct.DefenderXdr],
            ProviderIncidentIds = ["1234"],
            Timeline = [.. alerts.Select(alert => new TimelineEntry(alert.Id, alert.CreatedAt, alert.Title, alert.Severity, ["Exfiltration"]))],
            Entities = entities,
            Reasons = ["Defender for Endpoint high severity (+40)"],
            HeldBackEntities = [],
        };
        return new StoredIncident(summary, alerts);
    }

    private static NormalizedAlert Alert(string incidentId, int index, int descriptionLength) => new()
    {
        Id = $"al-{incidentId}-{index}",
        Source = SourceProduct.DefenderXdr,
        ProductName = "Microsoft Defender for Endpoint",
        ProviderAlertId = $"da63866358211200451{index}_1870243312",
        Title = "Suspicious cloud sync tool used to copy files",
        Description = new string('d', descriptionLength),
        Severity = Severity.High,
        CreatedAt = Activity.AddMinutes(index),
        FirstActivityAt = Activity.AddMinutes(index),
        Tactics = ["Exfiltration"],
        Techniques = ["T1567.002"],
        Entities =
        [
            new HostEntity { HostName = "srv-file-01", Fqdn = "srv-file-01.contoso.com", DefenderDeviceId = "f7b336694deb5ae335fc3f9f162865d050b62f3f" },
            new AccountEntity { Upn = "megan.bowen@contoso.com", Role = EntityRole.Related },
            new IpEntity { Address = "10.20.1.15" },
        ],
        Extra = new Dictionary<string, string> { ["streamingTable"] = "AlertInfo" },
        Score = 80,
        Verdict = Verdict.Malicious,
        Confidence = 0.9,
        Reasons = ["Defender for Endpoint high severity (+40)"],
        IncidentId = incidentId,
        Raw = new RawRecordRef("eventhub:alerts/0", index, Item: 0),
    };
}
