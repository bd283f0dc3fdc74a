using AiSoc.Core.Schema;
using AiSoc.Core.Tuning.Outcomes;

namespace AiSoc.Core.Tests.Tuning;

/// <summary>Builds case outcomes for tuning tests.</summary>
internal static class Cases
{
    public static readonly DateTimeOffset Start = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);

    private static int _next;

    public static CaseOutcome Outcome(string detectorId, CaseVerdict verdict, IReadOnlyList<Entity>? entities = null,
        VerdictSource decidedBy = VerdictSource.Human, int day = 0, Severity severity = Severity.Medium,
        IReadOnlyList<string>? techniques = null, IReadOnlyList<string>? incidentTechniques = null, string? caseId = null)
    {
        var id = Interlocked.Increment(ref _next);
        return new CaseOutcome
        {
            CaseId = caseId ?? $"case-{id}",
            AlertId = $"alert-{id}",
            DetectorId = detectorId,
            Source = SourceProduct.Sentinel,
            Title = "Test alert",
            Severity = severity,
            Techniques = techniques ?? ["T1078"],
            IncidentTechniques = incidentTechniques ?? [],
            Entities = entities ?? [],
            CreatedAt = Start.AddDays(day),
            Verdict = verdict,
            DecidedBy = decidedBy,
        };
    }

    public static List<CaseOutcome> Many(int count, string detectorId, CaseVerdict verdict, Func<int, IReadOnlyList<Entity>> entities,
        VerdictSource decidedBy = VerdictSource.Human, Severity severity = Severity.Medium, IReadOnlyList<string>? techniques = null) =>
        Enumerable.Range(0, count)
            .Select(i => Outcome(detectorId, verdict, entities(i), decidedBy, day: i, severity: severity, techniques: techniques))
            .ToList();

    public static AccountEntity Account(string name) => new()
    {
        ObjectId = "00000000-0000-4000-8000-" + Math.Abs(name.GetHashCode(StringComparison.Ordinal)).ToString("D12", System.Globalization.CultureInfo.InvariantCulture)[..12],
        Upn = name + "@contoso.com",
    };

    public static IpEntity Ip(string address) => new() { Address = address };
}

/// <summary>A clock fixed at one instant, so expiry times are predictable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
