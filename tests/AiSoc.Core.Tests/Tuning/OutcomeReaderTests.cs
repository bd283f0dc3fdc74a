using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;
using AiSoc.Core.Tuning.Outcomes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Core.Tests.Tuning;

public sealed class OutcomeReaderTests : IDisposable
{
    private const string ValidCase =
        """{"schema":"aisoc.case/1","caseId":"case-1","alertId":"alert-1","detectorId":"rule-a","source":"microsoft-sentinel","title":"T","severity":"high","techniques":["t1078"],"entities":[{"upn":"adele.vance@contoso.com","kind":"account"},{"kind":"ip","address":"2001:db8::1"}],"createdAt":"2026-11-02T09:00:00Z","triagedAt":"2026-11-02T09:05:00Z","verdict":"FalsePositive","decidedBy":"human","autoClosed":false,"escalated":true,"triageVerdict":"benign"}""";

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Read_ValidCaseRecord_ReadsEveryField()
    {
        var path = _files.Write("cases.ndjson", ValidCase + "\n\n");

        var outcome = Assert.Single(CaseRecordReader.Read(path));

        Assert.Equal("case-1", outcome.CaseId);
        Assert.Equal(Severity.High, outcome.Severity);
        Assert.Equal(["T1078"], outcome.Techniques);
        Assert.Equal("adele.vance@contoso.com", Assert.IsType<AccountEntity>(outcome.Entities[0]).Upn);
        Assert.Equal("2001:db8::1", Assert.IsType<IpEntity>(outcome.Entities[1]).Address);
        Assert.Equal(TimeSpan.FromMinutes(5), outcome.TriagedAt - outcome.CreatedAt);
        Assert.Equal(CaseVerdict.FalsePositive, outcome.Verdict);
        Assert.True(outcome.IsHumanLabel);
        Assert.Equal(Verdict.Benign, outcome.TriageVerdict);
    }

    [Theory]
    [InlineData("\"createdAt\":\"2026-11-02T09:00:00Z\"", "\"createdAt\":\"yesterday\"", "createdAt")]
    [InlineData("\"verdict\":\"FalsePositive\"", "\"verdict\":\"Maybe\"", "verdict")]
    [InlineData("\"decidedBy\":\"human\"", "\"decidedBy\":\"robot\"", "decidedBy")]
    [InlineData("\"techniques\":[\"t1078\"]", "\"techniques\":[\"lateral\"]", "techniques")]
    [InlineData("\"caseId\":\"case-1\",", "", "caseId")]
    [InlineData("{\"kind\":\"ip\",\"address\":\"2001:db8::1\"}", "{\"kind\":\"starship\"}", "entities")]
    public void Read_InvalidField_ErrorNamesFileLineAndField(string valid, string invalid, string field)
    {
        var path = _files.Write("cases.ndjson", ValidCase + "\n" + ValidCase.Replace(valid, invalid, StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<OutcomeReadException>(() => CaseRecordReader.Read(path));

        Assert.Contains("cases.ndjson:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SentinelExport_ClassificationsBecomeHumanVerdicts()
    {
        var path = _files.Write("incidents.json", SentinelIncident("BenignPositive", labels: ""));

        var outcome = Assert.Single(Loader().Load([path]).Outcomes);

        Assert.Equal(CaseVerdict.BenignPositive, outcome.Verdict);
        Assert.Equal(VerdictSource.Human, outcome.DecidedBy);
        Assert.Equal("SuspiciousButExpected", outcome.VerdictReason);
        Assert.Equal("inc-1", outcome.CaseId);
        Assert.Equal("rule-travel", outcome.DetectorId);
        Assert.Equal(["T1078", "T1136.003"], outcome.IncidentTechniques);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 11, 0, 0, TimeSpan.Zero), outcome.ClosedAt);
    }

    [Fact]
    public void Load_AutomationLabel_IsAutomationVerdict()
    {
        var path = _files.Write("incidents.json", SentinelIncident("BenignPositive", labels: """{"labelName":"auto-closed","labelType":"User"}"""));

        var outcome = Assert.Single(Loader().Load([path]).Outcomes);

        Assert.Equal(VerdictSource.Automation, outcome.DecidedBy);
        Assert.True(outcome.AutoClosed);
        Assert.False(outcome.IsHumanLabel);
    }

    [Fact]
    public void Load_SentinelUndetermined_IsNotALabel()
    {
        var path = _files.Write("incidents.json", SentinelIncident("Undetermined", labels: ""));

        var outcome = Assert.Single(Loader().Load([path]).Outcomes);

        Assert.Equal(CaseVerdict.Unknown, outcome.Verdict);
        Assert.False(outcome.IsHumanLabel);
    }

    [Fact]
    public void Load_AlertsInSeparateFile_TakeIncidentVerdict()
    {
        var incidents = _files.Write("in/incidents.json", """
            [{"name":"inc-2","properties.incidentNumber":8,"properties.title":"Travel","properties.status":"Closed",
              "properties.classification":"FalsePositive","properties.classificationReason":"IncorrectAlertLogic",
              "properties.lastModifiedTimeUtc":"2026-11-03T10:00:00Z","properties.createdTimeUtc":"2026-11-03T09:00:00Z",
              "Alerts":[{"ID":"al-9","Name":"Travel"}]}]
            """);
        _files.Write("in/alerts.json", """
            {"value":[{"kind":"SecurityAlert","name":"al-9","properties":{"alertDisplayName":"Travel","alertType":"rule-travel",
              "severity":"Medium","systemAlertId":"al-9","timeGenerated":"2026-11-03T08:59:00Z"}}]}
            """);

        var outcome = Assert.Single(Loader().Load([Path.GetDirectoryName(incidents)!]).Outcomes);

        Assert.Equal("inc-2", outcome.CaseId);
        Assert.Equal(CaseVerdict.FalsePositive, outcome.Verdict);
        Assert.Equal(VerdictSource.Human, outcome.DecidedBy);
        Assert.Equal("IncorrectAlertLogic", outcome.VerdictReason);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero), outcome.ClosedAt);
    }

    [Theory]
    [InlineData("truePositive", CaseVerdict.TruePositive)]
    [InlineData("informationalExpectedActivity", CaseVerdict.BenignPositive)]
    [InlineData("falsePositive", CaseVerdict.FalsePositive)]
    [InlineData("unknown", CaseVerdict.Unknown)]
    public void Load_GraphAlert_MapsClassification(string classification, CaseVerdict expected)
    {
        var path = _files.Write("alerts.json", GraphAlert(classification));

        var outcome = Assert.Single(Loader().Load([path]).Outcomes);

        Assert.Equal(expected, outcome.Verdict);
        Assert.Equal("mdca-inbox-rule", outcome.DetectorId);
    }

    [Fact]
    public void Load_GraphAlert_KeepsDetermination()
    {
        var path = _files.Write("alerts.json", GraphAlert("informationalExpectedActivity"));

        var outcome = Assert.Single(Loader().Load([path]).Outcomes);

        Assert.Equal("securityTesting", outcome.VerdictReason);
    }

    [Fact]
    public void Load_MixedFolder_ReadsCaseRecordsAndExports()
    {
        _files.Write("in/cases.ndjson", ValidCase + "\n");
        _files.Write("in/incidents.json", SentinelIncident("TruePositive", labels: ""));

        var set = Loader().Load([Path.Combine(_files.Root, "in")]);

        Assert.Equal(2, set.Outcomes.Count);
        Assert.Equal(2, set.Files.Count);
    }

    [Fact]
    public void Load_MissingPath_ThrowsNamingPath()
    {
        var missing = Path.Combine(_files.Root, "nope.ndjson");

        var error = Assert.Throws<FileNotFoundException>(() => Loader().Load([missing]));

        Assert.Contains("nope.ndjson", error.Message, StringComparison.Ordinal);
    }

    private static OutcomeLoader Loader() => new(NullLoggerFactory.Instance)
    {
        AutomationLabels = new HashSet<string>(["auto-closed"], StringComparer.OrdinalIgnoreCase),
    };

    private static string SentinelIncident(string classification, string labels) => $$$"""
        {"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/incidents/inc-1",
         "name":"inc-1","type":"Microsoft.SecurityInsights/incidents",
         "properties":{"title":"Travel","severity":"Medium","status":"Closed","classification":"{{{classification}}}",
           "classificationReason":"SuspiciousButExpected","labels":[{{{labels}}}],
           "createdTimeUtc":"2026-11-02T09:00:00Z","lastModifiedTimeUtc":"2026-11-02T11:00:00Z","incidentNumber":7,
           "additionalData":{"tactics":["InitialAccess"],"techniques":["T1078","T1136.003"]},
           "alerts":[{"kind":"SecurityAlert","name":"al-1","properties":{"alertDisplayName":"Travel","alertType":"rule-travel","severity":"Medium",
             "systemAlertId":"al-1","timeGenerated":"2026-11-02T08:59:00Z","tactics":["InitialAccess"],"techniques":["T1078"],
             "relatedEntities":[{"kind":"Account","properties":{"aadUserId":"3c1f2d7e-8a41-4b6e-9d02-5f7a1c3e9b10","accountName":"adele.vance","upnSuffix":"contoso.com"}}]}}]}}
        """;

    private static string GraphAlert(string classification) => $$"""
        {"@odata.type":"#microsoft.graph.security.alert","id":"da1","providerAlertId":"pa1","status":"resolved","severity":"medium",
         "classification":"{{classification}}","determination":"securityTesting","serviceSource":"microsoftDefenderForCloudApps",
         "detectionSource":"microsoftDefenderForCloudApps","detectorId":"mdca-inbox-rule","title":"Inbox rule",
         "createdDateTime":"2026-11-03T10:00:00Z","lastUpdateDateTime":"2026-11-03T11:00:00Z","mitreTechniques":["T1564.008"],"evidence":[]}
        """;
}
