namespace AiSoc.Learning.Data;

/// <summary>The analyst's verdict on an incident, as GUIDE's <c>IncidentGrade</c> names it.</summary>
public enum IncidentGrade
{
    TruePositive = 0,
    BenignPositive = 1,
    FalsePositive = 2,
}

/// <summary>Parses and lists <see cref="IncidentGrade"/> values.</summary>
public static class IncidentGrades
{
    /// <summary>All grades in index order, which is also the order of the one-versus-rest models.</summary>
    public static IReadOnlyList<IncidentGrade> All { get; } = [IncidentGrade.TruePositive, IncidentGrade.BenignPositive, IncidentGrade.FalsePositive];

    /// <summary>Parses a GUIDE grade name; returns false for anything else, including an empty value.</summary>
    public static bool TryParse(string text, out IncidentGrade grade)
    {
        switch (text.Trim())
        {
            case "TruePositive":
                grade = IncidentGrade.TruePositive;
                return true;
            case "BenignPositive":
                grade = IncidentGrade.BenignPositive;
                return true;
            case "FalsePositive":
                grade = IncidentGrade.FalsePositive;
                return true;
            default:
                grade = default;
                return false;
        }
    }
}
