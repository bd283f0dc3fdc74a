namespace AiSoc.Core.Scoring;

/// <summary>Collects the points of one assessment with a reason for each, and counts the rules that contributed.</summary>
internal sealed class ScoreSheet
{
    private readonly List<string> _reasons = [];

    public int Total { get; private set; }

    /// <summary>Number of rules that added or removed points.</summary>
    public int ContributingRules { get; private set; }

    public IReadOnlyList<string> Reasons => _reasons;

    /// <summary>Adds points with a reason such as "High source severity (+40)". Zero points add a reason only when <paramref name="showWhenZero"/> is true.</summary>
    public void Add(int points, string reason, bool showWhenZero = false)
    {
        if (points == 0 && !showWhenZero)
        {
            return;
        }

        Total += points;
        if (points != 0)
        {
            ContributingRules++;
        }

        _reasons.Add($"{reason} ({TextKey.Points(points)})");
    }

    /// <summary>Adds a reason that carries no points, such as the verdict explanation.</summary>
    public void Note(string reason) => _reasons.Add(reason);
}
