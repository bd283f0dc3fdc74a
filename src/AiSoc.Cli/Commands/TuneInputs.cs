using System.Globalization;
using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;
using AiSoc.Core.Tuning;
using AiSoc.Core.Tuning.Outcomes;
using Microsoft.Extensions.Logging;

namespace AiSoc.Cli.Commands;

/// <summary>Parsing and loading steps shared by <c>aisoc tune</c> and <c>aisoc metrics</c>.</summary>
internal static class TuneInputs
{
    public const string PathsDescription =
        "Case record NDJSON files, labelled Sentinel incident exports or Graph security alert and incident exports, or folders of them. Folders are read recursively.";

    public const string SinceDescription = "Only alerts created at or after this UTC date or time, such as 2026-11-01 or 2026-11-01T08:00:00Z.";

    public const string UntilDescription = "Only alerts created before this UTC date or time.";

    /// <summary>Parses the period options, or writes the error and returns null.</summary>
    public static ReportingPeriod? ParsePeriod(string? since, string? until, TextWriter error)
    {
        if (!TryParseDate(since, "--since", error, out var start) || !TryParseDate(until, "--until", error, out var end))
        {
            return null;
        }

        if (start is not null && end is not null && end <= start)
        {
            error.WriteLine($"Invalid period: --until {until} must be later than --since {since}.");
            return null;
        }

        return new ReportingPeriod(start, end);
    }

    /// <summary>Reads the outcomes, or writes the error and returns the exit code.</summary>
    public static (OutcomeSet? Outcomes, int ExitCode) Load(string[] paths, TuningOptions options, ILoggerFactory loggerFactory, TextWriter error)
    {
        var loader = new OutcomeLoader(loggerFactory)
        {
            AutomationLabels = new HashSet<string>(options.AutomationLabels, StringComparer.OrdinalIgnoreCase),
        };

        try
        {
            return (loader.Load(paths), ExitCodes.Success);
        }
        catch (Exception exception) when (exception is FileNotFoundException or InputReadException or OutcomeReadException)
        {
            error.WriteLine(exception.Message);
            return (null, ExitCodes.InputError);
        }
    }

    /// <summary>Loads the tuning configuration, or writes the error and returns null.</summary>
    public static TuningOptions? LoadOptions(string? path, TextWriter error)
    {
        try
        {
            return path is null ? new TuningOptions().Validate() : TuningConfiguration.Load(path);
        }
        catch (TuningConfigurationException exception)
        {
            error.WriteLine(exception.Message);
            return null;
        }
    }

    public static ILoggerFactory CreateLoggerFactory(bool quiet) => LoggerFactory.Create(builder => builder
        .AddSimpleConsole(options => options.SingleLine = true)
        .SetMinimumLevel(quiet ? LogLevel.Warning : LogLevel.Information));

    private static bool TryParseDate(string? text, string option, TextWriter error, out DateTimeOffset? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        if (UtcTimestamp.TryParse(text, out var time))
        {
            value = time;
            return true;
        }

        error.WriteLine($"Invalid {option} '{text}': expected a UTC date such as 2026-11-01 or a time such as 2026-11-01T08:00:00Z.");
        return false;
    }
}
