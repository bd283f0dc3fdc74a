using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.DefenderForCloud;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tests.Normalizers.DefenderForCloud;

public class DefenderForCloudArmAlertNormalizerTests
{
    private const string VmId = "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/resourceGroups/myRg1/providers/Microsoft.Compute/virtualMachines/vm1";

    private const string ArmAlert = """
        {
          "id": "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/resourceGroups/myRg1/providers/Microsoft.Security/locations/centralus/alerts/2517538088322968242_421e8a0b-1f62-4b3b-9b1d-3b0f2d06c3a1",
          "name": "2517538088322968242_421e8a0b-1f62-4b3b-9b1d-3b0f2d06c3a1",
          "type": "Microsoft.Security/Locations/alerts",
          "properties": {
            "status": "Active",
            "timeGeneratedUtc": "2020-02-23T13:47:58.0000000Z",
            "vendorName": "Microsoft",
            "alertDisplayName": "Suspicious process executed",
            "alertType": "VM_SuspectExecutablePath",
            "productName": "Microsoft Defender for Cloud",
            "systemAlertId": "2517538088322968242_421e8a0b-1f62-4b3b-9b1d-3b0f2d06c3a1",
            "compromisedEntity": "vm1",
            "description": "Suspicious process executed on vm1",
            "severity": "High",
            "intent": "Execution, DefenseEvasion",
            "techniques": ["T1059"],
            "subTechniques": ["T1059.001", "not-a-technique"],
            "startTimeUtc": "2020-02-22T00:00:00.0000000Z",
            "endTimeUtc": "2020-02-22T00:00:00.0000000Z",
            "processingEndTimeUtc": "2020-02-23T13:48:01.0000000Z",
            "isIncident": false,
            "resourceIdentifiers": [
              {"type": "AzureResource", "azureResourceId": "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/resourceGroups/myRg1/providers/Microsoft.Compute/virtualMachines/vm1"},
              {"type": "LogAnalytics", "workspaceId": "f419f624-acad-4d89-b86d-f62fa387f019"}
            ],
            "entities": [
              {"$id": "centralus_1", "hostName": "vm1", "osFamily": "Windows", "type": "host"},
              {"$id": "centralus_2", "name": "svc-app", "ntDomain": "vm1", "host": {"$ref": "centralus_1"}, "type": "account"},
              {"$id": "centralus_3", "address": "203.0.113.50", "asset": false, "type": "ip"}
            ],
            "extendedProperties": {"Techniques": "T1036"}
          }
        }
        """;

    private static readonly DefenderForCloudArmAlertNormalizer Normalizer = new();

    private static NormalizedAlert Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Assert.Single(Normalizer.Normalize(document.RootElement, new RawRecordRef("arm.json", 0)).Alerts);
    }

    [Fact]
    public void Normalize_ArmAlert_MapsAlertFields()
    {
        var alert = Normalize(ArmAlert);

        Assert.Equal(SourceProduct.DefenderForCloud, alert.Source);
        Assert.Equal("421e8a0b-1f62-4b3b-9b1d-3b0f2d06c3a1", alert.ProviderAlertId);
        Assert.Equal("Suspicious process executed", alert.Title);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal("Active", alert.Status);
        Assert.Equal("VM_SuspectExecutablePath", alert.DetectorId);
        Assert.Equal("vm1", alert.Extra["CompromisedEntity"]);
        Assert.Equal("false", alert.Extra["IsIncident"]);
    }

    [Fact]
    public void Normalize_ArmAlert_TimesAreUtc()
    {
        var alert = Normalize(ArmAlert);

        Assert.Equal(new DateTimeOffset(2020, 2, 23, 13, 47, 58, TimeSpan.Zero), alert.CreatedAt);
        Assert.Equal(new DateTimeOffset(2020, 2, 22, 0, 0, 0, TimeSpan.Zero), alert.FirstActivityAt);
        Assert.Equal(new DateTimeOffset(2020, 2, 23, 13, 48, 1, TimeSpan.Zero), alert.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_ArmAlert_IntentAndTechniques()
    {
        var alert = Normalize(ArmAlert);

        Assert.Equal(["Execution", "DefenseEvasion"], alert.Tactics);
        Assert.Equal(["T1059", "T1059.001", "T1036"], alert.Techniques);
        Assert.Equal("properties.subTechniques: ignored invalid ATT&CK technique id 'not-a-technique'", Assert.Single(alert.Warnings));
    }

    [Fact]
    public void Normalize_ArmAlert_ResourceLinkedToHost()
    {
        var alert = Normalize(ArmAlert);

        var host = Assert.Single(alert.Entities.OfType<HostEntity>());
        Assert.Equal("vm1", host.HostName);
        Assert.Equal(VmId, host.AzureResourceId);
        Assert.Equal(VmId, Assert.Single(alert.Entities.OfType<AzureResourceEntity>()).ResourceId);
        Assert.Equal("svc-app", Assert.Single(alert.Entities.OfType<AccountEntity>()).Name);
        Assert.Equal("203.0.113.50", Assert.Single(alert.Entities.OfType<IpEntity>()).Address);
    }

    [Fact]
    public void Normalize_MissingTitle_ThrowsNamingPropertiesPath()
    {
        var json = ArmAlert.Replace("\"alertDisplayName\": \"Suspicious process executed\",", "", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<InvalidRecordException>(() => Normalizer.Normalize(document.RootElement, new RawRecordRef("arm.json", 0)));

        Assert.Equal("properties.alertDisplayName", error.Field);
    }

    [Fact]
    public void Normalize_InvalidGeneratedTime_ThrowsNamingField()
    {
        var json = ArmAlert.Replace("2020-02-23T13:47:58.0000000Z", "23.02.2020", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<InvalidRecordException>(() => Normalizer.Normalize(document.RootElement, new RawRecordRef("arm.json", 0)));

        Assert.Equal("properties.timeGeneratedUtc", error.Field);
    }

    [Theory]
    [InlineData("""{"type":"Microsoft.Security/Locations/alerts","properties":{}}""", true)]
    [InlineData("""{"id":"/subscriptions/s/providers/Microsoft.Security/locations/westeurope/alerts/a1","properties":{}}""", true)]
    [InlineData("""{"type":"Microsoft.SecurityInsights/Entities","kind":"SecurityAlert","properties":{"systemAlertId":"x","alertDisplayName":"y"}}""", false)]
    [InlineData("""{"type":"Microsoft.Security/Locations/alerts"}""", false)]
    [InlineData("""{"SystemAlertId":"s","AlertDisplayName":"x"}""", false)]
    public void CanNormalize_RecordShape_ClaimsOnlyArmAlerts(string json, bool expected)
    {
        using var document = JsonDocument.Parse(json);

        var claimed = Normalizer.CanNormalize(document.RootElement);

        Assert.Equal(expected, claimed);
        Assert.False(claimed && new SecurityAlertRowNormalizer().CanNormalize(document.RootElement));
    }
}
