namespace AiSoc.Core.Correlation;

/// <summary>Configuration of <see cref="AlertCorrelator"/>.</summary>
public sealed class CorrelationOptions
{
    /// <summary>Maximum gap in activity time between two alerts that a shared entity links.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Maximum number of alerts that entity links may gather into one incident. A provider incident is never split,
    /// so an incident can exceed this limit when one provider incident alone is larger.
    /// </summary>
    public int MaxIncidentSize { get; set; } = 200;

    /// <summary>
    /// A key seen in more alerts than this within one <see cref="Window"/> does not link, because such values (a NAT
    /// IP, a scanner account) are shared by unrelated activity. Counting per window keeps the decision the same
    /// whether a day or a year of alerts is correlated at once.
    /// </summary>
    public int PrevalenceLimit { get; set; } = 50;

    /// <summary>
    /// Entity values that never link: IP addresses, host names, FQDNs, UPNs, SIDs, object ids or hashes, matched
    /// without case. A full key such as <c>ip:10.0.0.1</c> also works.
    /// </summary>
    public IList<string> IgnoredEntities { get; } = new List<string>();

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Invalid Window {Window}: expected a positive time span such as 24:00:00.", nameof(Window));
        }

        if (MaxIncidentSize < 2)
        {
            throw new ArgumentException($"Invalid MaxIncidentSize {MaxIncidentSize}: expected at least 2 alerts.", nameof(MaxIncidentSize));
        }

        if (PrevalenceLimit < 2)
        {
            throw new ArgumentException($"Invalid PrevalenceLimit {PrevalenceLimit}: expected at least 2 alerts.", nameof(PrevalenceLimit));
        }
    }
}
