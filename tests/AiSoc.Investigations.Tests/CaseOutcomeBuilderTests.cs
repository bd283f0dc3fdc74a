using System.Globalization;
using AiSoc.Approvals;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Tests.Support;

namespace AiSoc.Investigations.Tests;

public sealed class CaseOutcomeBuilderTests : IDisposable
{
    private static readonly DateTimeOffset CompletedAt = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly string[] NoValues = [];
    private static readonly Entity[] NoEntities = [];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aisoc-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Build_ApprovedContainment_MatchesCaseRecordLine()
    {
        var incident = TestIncidents.CompromisedAccount("in-builder");
        var record = Record(ApprovalStatus.Approved, ActionExecutionStatus.Succeeded);
        var expected = ReadLine(incident.Alerts[0], record);

        var outcome = Assert.Single(CaseOutcomeBuilder.Build(record, incident));

        Assert.Equal(WithoutLists(expected), WithoutLists(outcome));
        Assert.Equal(expected.Tactics, outcome.Tactics);
        Assert.Equal(expected.Techniques, outcome.Techniques);
        Assert.Equal(expected.IncidentTechniques, outcome.IncidentTechniques);
        Assert.Equal(CaseVerdict.TruePositive, outcome.Verdict);
        Assert.True(outcome.IsHumanLabel);
    }

    [Fact]
    public void Build_Rejected_StaysUnknownByAutomation()
    {
        var incident = TestIncidents.CompromisedAccount("in-builder-rejected");

        var outcome = Assert.Single(CaseOutcomeBuilder.Build(Record(ApprovalStatus.Rejected, status: null), incident));

        Assert.Equal(CaseVerdict.Unknown, outcome.Verdict);
        Assert.Equal(VerdictSource.Automation, outcome.DecidedBy);
        Assert.Null(outcome.ContainedAt);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // Records compare lists by reference, so the lists are compared on their own.
    private static CaseOutcome WithoutLists(CaseOutcome outcome) =>
        outcome with { Tactics = NoValues, Techniques = NoValues, IncidentTechniques = NoValues, Entities = NoEntities };

    private static CaseRecord Record(ApprovalStatus decision, ActionExecutionStatus? status) => new()
    {
        InvestigationId = "inv-builder",
        IncidentId = "in-builder",
        Title = "Impossible travel for Alice",
        Verdict = Verdict.Malicious,
        Evidence = [],
        PlannedActions = [],
        Actions = [new ActionOutcome("inv-builder|disable-user|account", ActionDisposition.RequireApproval, "executed", Executed: status is not null, status, null, [])],
        Decisions = [new ApprovalState("a1", decision, InvestigationHarness.ApproverUpn, CompletedAt, null)],
        StartedAt = CompletedAt.AddMinutes(-30),
        CompletedAt = CompletedAt,
    };

    // Writes the aisoc.case/1 line that `aisoc investigate` writes for the same case and reads it with the reader.
    private CaseOutcome ReadLine(NormalizedAlert alert, CaseRecord record)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "case-records.ndjson");
        static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(path, $$"""
            {"schema":"aisoc.case/1","caseId":"{{record.IncidentId}}","alertId":"{{alert.Id}}","detectorId":"{{alert.DetectorId}}","source":"{{alert.Source}}","title":"{{alert.Title}}","severity":"high","tactics":[],"techniques":[],"incidentTechniques":["T1078"],"createdAt":"{{Time(alert.CreatedAt)}}","triagedAt":"{{Time(record.StartedAt)}}","containedAt":"{{Time(record.CompletedAt)}}","closedAt":"{{Time(record.CompletedAt)}}","verdict":"TruePositive","verdictReason":"a person approved containment","decidedBy":"human","autoClosed":false,"escalated":true,"triageVerdict":"malicious"}
            """);
        return Assert.Single(CaseRecordReader.Read(path));
    }
}
