using System.Text;
using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;

namespace AiSoc.Learning.Data;

/// <summary>
/// Reads GUIDE evidence rows (Microsoft Security Incident Prediction data set) from a CSV file with a header.
/// Columns are found by name, so extra columns and any column order are accepted. A row with an invalid timestamp,
/// grade or field count raises <see cref="LabelledDataException"/> naming the file, line and field.
/// </summary>
public static class GuideCsvReader
{
    /// <summary>Columns that a GUIDE file must contain.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        "OrgId", "IncidentId", "AlertId", "Timestamp", "DetectorId", "AlertTitle", "Category", "MitreTechniques",
        "IncidentGrade", "EntityType", "EvidenceRole", "SuspicionLevel", "LastVerdict",
    ];

    /// <summary>Reads every evidence row of <paramref name="path"/>.</summary>
    public static IReadOnlyList<EvidenceRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new LabelledDataException($"Labelled data file not found: {path}");
        }

        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var reader = new CsvRowReader(text);
        if (!reader.TryReadRow(out var header, out _))
        {
            throw new LabelledDataException($"Labelled data file {path} is empty: expected a GUIDE CSV header.");
        }

        var columns = FindColumns(path, header);
        var rows = new List<EvidenceRow>();
        while (reader.TryReadRow(out var fields, out var line))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new LabelledDataException($"{path} line {line}: the row has {fields.Count} fields but the header has {header.Count}.");
            }

            rows.Add(ParseRow(path, line, fields, columns));
        }

        return rows;
    }

    private static Dictionary<string, int> FindColumns(string path, List<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        var missing = RequiredColumns.Where(name => !columns.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            throw new LabelledDataException(
                $"{path} is not a GUIDE evidence file: missing column(s) {string.Join(", ", missing)}. " +
                "The 7-column GUIDE_Train_subset/GUIDE_Test_subset files lack OrgId and cannot be used.");
        }

        return columns;
    }

    private static EvidenceRow ParseRow(string path, long line, List<string> fields, Dictionary<string, int> columns)
    {
        string Field(string name) => fields[columns[name]].Trim();

        var timestampText = Field("Timestamp");
        if (!UtcTimestamp.TryParse(timestampText, out var timestamp))
        {
            throw new LabelledDataException($"{path} line {line}: invalid Timestamp '{timestampText}'; expected an ISO 8601 UTC time.");
        }

        var gradeText = Field("IncidentGrade");
        if (!IncidentGrades.TryParse(gradeText, out var grade))
        {
            throw new LabelledDataException(
                $"{path} line {line}: invalid IncidentGrade '{gradeText}'; expected TruePositive, BenignPositive or FalsePositive.");
        }

        foreach (var key in new[] { "OrgId", "IncidentId", "AlertId" })
        {
            if (Field(key).Length == 0)
            {
                throw new LabelledDataException($"{path} line {line}: missing {key}.");
            }
        }

        var techniques = Field("MitreTechniques").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        return new EvidenceRow(
            Field("OrgId"),
            Field("IncidentId"),
            Field("AlertId"),
            timestamp,
            Field("DetectorId"),
            Field("AlertTitle"),
            Field("Category"),
            techniques,
            grade,
            Field("EntityType"),
            Field("EvidenceRole"),
            Field("SuspicionLevel"),
            Field("LastVerdict"));
    }
}
