using AiSoc.Core.Correlation;
using AiSoc.Core.Response;
using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Core.Tests.Response;

/// <summary>Incidents, alerts and paths shared by the response tests.</summary>
internal static class ResponseFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static string PlaybookFolder { get; } = Path.Combine(FindRepositoryRoot(), "playbooks");

    public static PlaybookCatalog ShippedPlaybooks() => PlaybookLoader.LoadFolder(PlaybookFolder);

    public static AccountEntity Alice { get; } = new() { ObjectId = "11111111-1111-1111-1111-111111111111", Upn = "alice@contoso.com", Role = EntityRole.Impacted };

    public static IpEntity AttackerIp { get; } = new() { Address = "81.2.69.142", Role = EntityRole.Attacker };

    public static IncidentSummary Incident(Verdict verdict, params Entity[] entities) => new()
    {
        Id = "inc-1",
        Title = "Impossible travel for alice",
        Severity = Severity.High,
        Score = 90,
        Verdict = verdict,
        FirstActivityAt = Now.AddHours(-1),
        LastActivityAt = Now.AddMinutes(-30),
        AlertIds = ["alert-1"],
        Tactics = ["InitialAccess"],
        Techniques = ["T1078.004"],
        Sources = [SourceProduct.EntraIdProtection],
        ProviderIncidentIds = [],
        Timeline = [new TimelineEntry("alert-1", Now.AddMinutes(-30), "Impossible travel", Severity.High, ["InitialAccess"])],
        Entities = entities.Length == 0 ? [Alice, AttackerIp] : entities,
        Reasons = ["impossible travel"],
        HeldBackEntities = [],
    };

    public static NormalizedAlert Alert(Verdict verdict, double? confidence, DateTimeOffset activityAt, string detectorId = "impossibleTravel") => new()
    {
        Id = "alert-1",
        Source = SourceProduct.EntraIdProtection,
        ProviderAlertId = "p-1",
        Title = "Impossible travel",
        DetectorId = detectorId,
        CreatedAt = activityAt,
        FirstActivityAt = activityAt,
        Raw = new RawRecordRef("input.json", 1),
        Verdict = verdict,
        Confidence = confidence,
    };

    public static PolicyContext Context(Verdict verdict = Verdict.Malicious, double? confidence = 0.95, DateTimeOffset? latestActivity = null) => new()
    {
        InvestigationId = "inv-1",
        Verdict = verdict,
        Confidence = confidence,
        LatestActivityAt = latestActivity ?? Now.AddMinutes(-30),
    };

    public static ResponsePolicyOptions LiveOptions()
    {
        return new ResponsePolicyOptions { ShadowMode = false };
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AiSoc.sln not found above " + AppContext.BaseDirectory);
    }
}
