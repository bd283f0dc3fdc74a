using System.Globalization;

namespace AiSoc.Core.Tuning.Reports;

/// <summary>Formats figures for the tuning report and the metrics output, in the invariant culture.</summary>
public static class ReportFormat
{
    public static string Percent(double? share) =>
        share is { } value ? (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Time(DateTimeOffset? time) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "n/a";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "n/a",
        { TotalHours: >= 48 } value => value.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " d",
        { TotalMinutes: >= 120 } value => value.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        { } value => value.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min",
    };

    public static string Minutes(double? minutes) => minutes is { } value ? Duration(TimeSpan.FromMinutes(value)) : "n/a";
}
