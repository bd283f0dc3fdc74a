using AiSoc.Core.Schema;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Outcomes;
using AiSoc.Core.Tuning.Performance;

namespace AiSoc.Core.Tests.Tuning;

public sealed class MetricsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    // Five alerts in four cases: two true positives (one case), one benign and one false positive by humans,
    // and one benign closure by automation.
    private static List<CaseOutcome> SmallSet() =>
    [
        Outcome("a1", "c1", CaseVerdict.TruePositive, VerdictSource.Human, triage: 10, contain: 60, triageVerdict: Verdict.Malicious, escalated: true),
        Outcome("a2", "c1", CaseVerdict.TruePositive, VerdictSource.Human, triage: 20, contain: 120, triageVerdict: Verdict.Benign, escalated: true),
        Outcome("a3", "c2", CaseVerdict.BenignPositive, VerdictSource.Human, triage: 30, triageVerdict: Verdict.Benign, escalated: true, day: 7),
        Outcome("a4", "c3", CaseVerdict.FalsePositive, VerdictSource.Human, triage: null, triageVerdict: Verdict.Suspicious, escalated: true, day: 8),
        Outcome("a5", "c4", CaseVerdict.BenignPositive, VerdictSource.Automation, triage: 2, triageVerdict: Verdict.Benign, autoClosed: true, day: 9),
    ];

    [Fact]
    public void Compute_SmallSet_CountsHumanVerdictsOnly()
    {
        var metrics = SocMetrics.Compute(SmallSet(), ReportingPeriod.All);

        Assert.Equal(5, metrics.Alerts);
        Assert.Equal(4, metrics.Cases);
        Assert.Equal(4, metrics.HumanLabelled);
        Assert.Equal(1, metrics.AutomationVerdicts);
        Assert.Equal(2, metrics.TruePositives);
        Assert.Equal(1, metrics.BenignPositives);
        Assert.Equal(1, metrics.FalsePositives);
    }

    [Fact]
    public void Compute_SmallSet_RatesAndTimes()
    {
        var metrics = SocMetrics.Compute(SmallSet(), ReportingPeriod.All);

        // Agreement: a1 (malicious, TP) and a3 (benign, BP); a2 and a4 disagree.
        Assert.Equal(4, metrics.TriageCompared);
        Assert.Equal(0.5, metrics.TriageAccuracy);
        Assert.Equal(0.25, metrics.FalsePositiveRate);
        Assert.Equal((10 + 20 + 30 + 2) / 4.0, metrics.MeanTimeToTriageMinutes!.Value, precision: 6);
        Assert.Equal(90, metrics.MeanTimeToContainMinutes!.Value, precision: 6);
    }

    [Fact]
    public void Compute_SmallSet_AutonomousVersusEscalated()
    {
        var metrics = SocMetrics.Compute(SmallSet(), ReportingPeriod.All);

        Assert.Equal(1, metrics.HandledAutonomously);
        Assert.Equal(3, metrics.Escalated);
    }

    [Fact]
    public void Compute_NoHumanVerdicts_RatesAreNull()
    {
        var metrics = SocMetrics.Compute([SmallSet()[4]], ReportingPeriod.All);

        Assert.Null(metrics.FalsePositiveRate);
        Assert.Null(metrics.TriageAccuracy);
    }

    [Fact]
    public void Performance_SmallSet_PrecisionAndFalsePositiveRate()
    {
        var performance = DetectionPerformance.Compute(SmallSet(), ReportingPeriod.All);

        var detector = Assert.Single(performance.Detectors);
        Assert.Equal(5, detector.Alerts);
        Assert.Equal(4, detector.HumanLabelled);
        Assert.Equal(0.5, detector.Precision);
        Assert.Equal(0.25, detector.FalsePositiveRate);
        Assert.Equal(0.2, detector.AutoClosedShare);
        Assert.Equal(0.8, detector.EscalatedShare);
        Assert.Equal(TimeSpan.FromMinutes(15.5), detector.MeanTimeToTriage);
    }

    [Fact]
    public void Performance_SmallSet_WeeklyTrendStartsOnMonday()
    {
        var performance = DetectionPerformance.Compute(SmallSet(), ReportingPeriod.All);

        var trend = performance.Detectors[0].Trend;
        Assert.Equal(2, trend.Count);
        Assert.Equal(new DateOnly(2026, 11, 2), trend[0].WeekStart);
        Assert.Equal(2, trend[0].Alerts);
        Assert.Equal(1.0, trend[0].Precision);
        Assert.Equal(new DateOnly(2026, 11, 9), trend[1].WeekStart);
        Assert.Equal(0.0, trend[1].Precision);
    }

    [Fact]
    public void Select_Period_KeepsSinceInclusiveUntilExclusive()
    {
        var period = new ReportingPeriod(Monday.AddDays(7), Monday.AddDays(9));

        var selected = period.Select(SmallSet());

        Assert.Equal(["a3", "a4"], selected.Select(o => o.AlertId));
    }

    private static CaseOutcome Outcome(string alertId, string caseId, CaseVerdict verdict, VerdictSource decidedBy, int? triage,
        Verdict triageVerdict, int? contain = null, bool escalated = false, bool autoClosed = false, int day = 0)
    {
        var created = Monday.AddDays(day);
        return new CaseOutcome
        {
            CaseId = caseId,
            AlertId = alertId,
            DetectorId = "rule-a",
            Source = SourceProduct.Sentinel,
            Title = "Test alert",
            CreatedAt = created,
            TriagedAt = triage is { } t ? created.AddMinutes(t) : null,
            ContainedAt = contain is { } c ? created.AddMinutes(c) : null,
            Verdict = verdict,
            DecidedBy = decidedBy,
            TriageVerdict = triageVerdict,
            Escalated = escalated,
            AutoClosed = autoClosed,
        };
    }
}
