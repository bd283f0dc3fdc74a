using System.Text.Json;
using AiSoc.Core.Normalizers.DefenderForCloud;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Normalizers.DefenderForCloud;

public class DefenderForCloudExportNormalizerTests
{
    private const string VmId = "/SUBSCRIPTIONS/12cabcb4-86e8-404f-a3d2-1dc9982f45ca/RESOURCEGROUPS/Sample-RG/providers/Microsoft.Compute/virtualMachines/Sample-VM";

    private static readonly DefenderForCloudExportNormalizer Normalizer = new();

    private static JsonElement SampleRecord()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("defender/elastic_defender_for_cloud_sample_alert_continuous_export.json")));
        return document.RootElement.Clone();
    }

    private static NormalizedAlert NormalizeSample() =>
        Assert.Single(Normalizer.Normalize(SampleRecord(), new RawRecordRef("export.json", 0)).Alerts);

    [Fact]
    public void CanNormalize_SampleExport_ClaimedByExportOnly()
    {
        var record = SampleRecord();

        Assert.True(Normalizer.CanNormalize(record));
        Assert.False(new SecurityAlertRowNormalizer().CanNormalize(record));
    }

    [Fact]
    public void Normalize_SampleExport_MapsAlertFields()
    {
        var alert = NormalizeSample();

        Assert.Equal(SourceProduct.DefenderForCloud, alert.Source);
        Assert.Equal("cdcf9f94-ec53-47a6-ab87-76130f87218d", alert.ProviderAlertId);
        Assert.Equal("[SAMPLE ALERT] Login from a suspicious IP", alert.Title);
        Assert.Equal("Microsoft Defender for Cloud", alert.ProductName);
        Assert.Equal(Severity.Medium, alert.Severity);
        Assert.Equal("New", alert.Status);
        Assert.Equal("ARM_AnomalousServiceOperation.CredentialAccess", alert.DetectorId);
        Assert.Equal(["PreAttack"], alert.Tactics);
        Assert.Equal("Sample-VM", alert.Extra["CompromisedEntity"]);
    }

    [Fact]
    public void Normalize_SampleExport_TimesAreUtc()
    {
        var alert = NormalizeSample();

        Assert.Equal(new DateTimeOffset(2023, 5, 11, 13, 17, 9, TimeSpan.Zero).AddTicks(170422), alert.CreatedAt);
        Assert.Equal(new DateTimeOffset(2023, 5, 11, 13, 15, 45, TimeSpan.Zero).AddTicks(170422), alert.FirstActivityAt);
        Assert.Equal(alert.CreatedAt, alert.LastUpdatedAt);
    }

    [Fact]
    public void Normalize_SampleExport_EntitiesFromReusedIds()
    {
        var alert = NormalizeSample();

        Assert.Equal("81.2.69.142", Assert.Single(alert.Entities.OfType<IpEntity>()).Address);
        Assert.All(alert.Entities.OfType<HostEntity>(), host => Assert.Equal("Sample-VM", host.HostName));
        Assert.All(alert.Entities.OfType<HostEntity>(), host => Assert.Equal(VmId, host.AzureResourceId));
        var account = Assert.Single(alert.Entities.OfType<AccountEntity>(), a => a.Name == "Sample-account" && a.Sid is null);
        Assert.Null(account.Upn);
        Assert.False(account.IsResolved);
    }

    [Fact]
    public void Normalize_SampleExport_ResourceIsImpacted()
    {
        var alert = NormalizeSample();

        var resource = Assert.Single(alert.Entities.OfType<AzureResourceEntity>());
        Assert.Equal(VmId, resource.ResourceId);
        Assert.Equal(EntityRole.Impacted, resource.Role);
    }

    [Fact]
    public void Normalize_SampleExport_WarnsWithoutRejecting()
    {
        var alert = NormalizeSample();

        Assert.Contains("Entities[6].ImageFile: ignored $ref '8' because no earlier object defines that $id", alert.Warnings);
        Assert.Equal("11", alert.Extra["SkippedEntityCount"]);
    }

    [Fact]
    public void Normalize_VmWithoutHostEntity_AddsHostFromResourceId()
    {
        using var document = JsonDocument.Parse("""
            {"SystemAlertId":"2517_x","AlertDisplayName":"x","TimeGenerated":"2024-05-01T10:00:00Z","Intent":"InitialAccess, Persistence",
             "AzureResourceId":"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm7","Entities":[]}
            """);

        var alert = Assert.Single(Normalizer.Normalize(document.RootElement, new RawRecordRef("x", 0)).Alerts);

        var host = Assert.Single(alert.Entities.OfType<HostEntity>());
        Assert.Equal("vm7", host.HostName);
        Assert.Equal(EntityRole.Impacted, host.Role);
        Assert.Equal(["InitialAccess", "Persistence"], alert.Tactics);
    }
}
