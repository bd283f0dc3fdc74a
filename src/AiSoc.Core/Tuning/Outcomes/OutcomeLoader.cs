using AiSoc.Core.Ingest;
using Microsoft.Extensions.Logging;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>Everything read from the case record files and labelled exports of one run.</summary>
public sealed record OutcomeSet(IReadOnlyList<CaseOutcome> Outcomes, IReadOnlyList<string> Files, IReadOnlyList<RejectedRecord> Rejects);

/// <summary>Reads case records and labelled exports from files and folders, choosing the reader per file.</summary>
public sealed partial class OutcomeLoader(ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<OutcomeLoader>();

    /// <summary>Labels or tags that mark a provider incident closed by automation.</summary>
    public IReadOnlySet<string> AutomationLabels { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Expands <paramref name="paths"/> and reads every file.</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="InputReadException">A labelled export could not be read.</exception>
    /// <exception cref="OutcomeReadException">A case record is invalid.</exception>
    public OutcomeSet Load(IEnumerable<string> paths)
    {
        var catalog = InputCatalog.Expand(paths);
        var outcomes = new List<CaseOutcome>();
        var exports = new List<string>();
        foreach (var file in catalog.Files)
        {
            if (IsCaseRecordFile(file))
            {
                var cases = CaseRecordReader.Read(file);
                outcomes.AddRange(cases);
                LogCaseRecordsRead(_logger, cases.Count, file);
            }
            else
            {
                exports.Add(file);
            }
        }

        IReadOnlyList<RejectedRecord> rejects = [];
        if (exports.Count > 0)
        {
            var reader = new LabelledExportReader(loggerFactory) { AutomationLabels = AutomationLabels };
            var (exported, ingest) = reader.Read(exports);
            outcomes.AddRange(exported);
            rejects = ingest.Rejects;
        }

        var humanLabels = outcomes.Count(o => o.IsHumanLabel);
        LogOutcomesLoaded(_logger, outcomes.Count, catalog.Files.Count, humanLabels, rejects.Count);
        return new OutcomeSet(outcomes, catalog.Files, rejects);
    }

    private static bool IsCaseRecordFile(string file)
    {
        try
        {
            return CaseRecordReader.IsCaseRecordFile(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputReadException(file, error);
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Read {CaseCount} case records from {File}")]
    private static partial void LogCaseRecordsRead(ILogger logger, int caseCount, string file);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Outcomes loaded: {OutcomeCount} alerts from {FileCount} files, {HumanLabelCount} with human verdicts, {RejectedCount} export records rejected")]
    private static partial void LogOutcomesLoaded(ILogger logger, int outcomeCount, int fileCount, int humanLabelCount, int rejectedCount);
}
