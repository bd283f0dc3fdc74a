using AiSoc.Core.Tests.Support;
using AiSoc.Learning.Data;
using AiSoc.Learning.Tenant;
using AiSoc.Learning.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Learning.Tests;

public class TenantExportLoaderTests
{
    private const string GraphAlerts = """
        {"value": [
          {"@odata.type": "#microsoft.graph.security.alert", "id": "da1", "providerAlertId": "p-1", "incidentId": "71",
           "title": "Suspicious PowerShell command line", "severity": "high", "createdDateTime": "2026-07-01T10:00:00Z",
           "lastUpdateDateTime": "2026-07-02T09:00:00Z", "serviceSource": "microsoftDefenderForEndpoint",
           "detectionSource": "antivirus", "classification": "truePositive", "determination": "malware",
           "assignedTo": "nora.lind@fabrikam.com", "evidence": []},
          {"@odata.type": "#microsoft.graph.security.alert", "id": "da2", "providerAlertId": "p-2", "incidentId": "72",
           "title": "Suspicious PowerShell command line", "severity": "high", "createdDateTime": "2026-07-03T10:00:00Z",
           "lastUpdateDateTime": "2026-07-03T10:30:00Z", "serviceSource": "microsoftDefenderForEndpoint",
           "detectionSource": "antivirus", "classification": "informationalExpectedActivity", "determination": "securityTesting",
           "assignedTo": "Automation", "evidence": []}
        ]}
        """;

    private const string GraphIncident = """
        {"@odata.type": "#microsoft.graph.security.incident", "id": "81", "displayName": "Multi-stage incident",
         "incidentWebUrl": "https://security.microsoft.com/incidents/81", "severity": "medium", "status": "resolved",
         "classification": "falsePositive", "determination": "other", "assignedTo": null,
         "lastModifiedBy": "API-App:6f8e2b1a-4c3d-4e5f-9a8b-7c6d5e4f3a2b",
         "createdDateTime": "2026-07-05T10:00:00Z", "lastUpdateDateTime": "2026-07-06T10:00:00Z",
         "alerts": [
           {"@odata.type": "#microsoft.graph.security.alert", "id": "da3", "providerAlertId": "p-3", "incidentId": "81",
            "title": "Sign-in from an unfamiliar location", "severity": "medium", "createdDateTime": "2026-07-05T09:58:00Z",
            "serviceSource": "azureAdIdentityProtection", "detectionSource": "azureAdIdentityProtection", "evidence": []}
         ]}
        """;

    [Fact]
    public void Load_SampleExport_KeepsOnlyHumanVerdicts()
    {
        var labels = TenantExportLoader.Load([TenantSample.Folder], NullLoggerFactory.Instance);

        Assert.Equal(TenantSample.HumanLabelledAlerts, labels.Alerts.Count);
        Assert.Equal(TenantSample.AutomaticVerdicts, labels.AutomaticVerdicts);
        Assert.Equal(TenantSample.Unlabelled, labels.Unlabelled);
        Assert.Equal(0, labels.RejectedRecords);
    }

    [Fact]
    public void Load_SampleExport_EveryGradePresent()
    {
        var labels = TenantExportLoader.Load([TenantSample.Folder], NullLoggerFactory.Instance);

        foreach (var grade in IncidentGrades.All)
        {
            Assert.Contains(labels.Alerts, alert => alert.Grade == grade);
        }
    }

    [Fact]
    public void Load_SampleExport_FeaturesCarryRuleScore()
    {
        var labels = TenantExportLoader.Load([TenantSample.Folder], NullLoggerFactory.Instance);

        Assert.All(labels.Alerts, alert => Assert.NotNull(alert.RuleScore));
        Assert.All(labels.Alerts, alert => Assert.StartsWith("microsoft-sentinel:", alert.DetectorId, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_GraphAlerts_AutomationAssigneeLeftOut()
    {
        using var files = new TempFiles();
        var path = files.Write("graph-alerts.json", GraphAlerts);

        var labels = TenantExportLoader.Load([path], NullLoggerFactory.Instance);

        var labelled = Assert.Single(labels.Alerts);
        Assert.Equal(IncidentGrade.TruePositive, labelled.Grade);
        Assert.Equal(1, labels.AutomaticVerdicts);
    }

    [Fact]
    public void Load_GraphIncidentClosedByApp_AlertLeftOut()
    {
        using var files = new TempFiles();
        var path = files.Write("graph-incident.json", GraphIncident);

        var labels = TenantExportLoader.Load([path], NullLoggerFactory.Instance);

        Assert.Empty(labels.Alerts);
        Assert.Equal(1, labels.AutomaticVerdicts);
    }

    [Fact]
    public void Load_MissingPath_RaisesErrorNamingPath()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "absent");

        var error = Assert.Throws<LabelledDataException>(() => TenantExportLoader.Load([path], NullLoggerFactory.Instance));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelledDataLoader_GuideCsv_DetectedAsGuide()
    {
        var data = LabelledDataLoader.Load([GuideSample.Path], NullLoggerFactory.Instance);

        Assert.Equal(LabelledInputKind.Guide, data.Kind);
        Assert.Null(data.Tenant);
    }

    [Fact]
    public void LabelledDataLoader_SampleFolder_DetectedAsTenantExport()
    {
        var data = LabelledDataLoader.Load([TenantSample.Folder], NullLoggerFactory.Instance);

        Assert.Equal(LabelledInputKind.TenantExport, data.Kind);
        Assert.Equal(TenantSample.HumanLabelledAlerts, data.Alerts.Count);
    }

    [Fact]
    public void LabelledDataLoader_MixedKinds_RaisesErrorNamingGuideFile()
    {
        var error = Assert.Throws<LabelledDataException>(
            () => LabelledDataLoader.Load([GuideSample.Path, TenantSample.Folder], NullLoggerFactory.Instance));

        Assert.Contains(GuideSample.Path, error.Message, StringComparison.Ordinal);
    }
}
