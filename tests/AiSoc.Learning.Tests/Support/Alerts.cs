using AiSoc.Learning.Data;

namespace AiSoc.Learning.Tests.Support;

/// <summary>Builds labelled alerts for constructed examples.</summary>
internal static class Alerts
{
    public static readonly DateTimeOffset Day0 = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static TriageAlert Labelled(string org, string incident, string detector, double day, IncidentGrade grade) => new()
    {
        OrgId = org,
        IncidentKey = org + "/" + incident,
        AlertKey = org + "/" + incident + "/" + detector + "/" + day,
        Time = Day0.AddDays(day),
        DetectorId = detector,
        Grade = grade,
    };
}
