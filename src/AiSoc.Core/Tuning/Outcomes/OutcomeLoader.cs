using AiSoc.Core.Ingest;
using Microsoft.Extensions.Logging;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>Everything read from the case record files and labelled exports of one run.</summary>
public sealed record OutcomeSet(IReadOnlyList<CaseOutcome> Outcomes, IReadOnlyList<string> Files, IReadOnlyList<RejectedRecord> Rejects);

/// <summary>Reads case records and labelled exports from files and folders, choosing the reader per file.</summary>
public sealed class OutcomeLoader(ILoggerFactory loggerFactory)
{
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
                outcomes.AddRange(CaseRecordReader.Read(file));
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
}
