using System.Text;
using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>Reads case record NDJSON files (see docs/tuning.md). Blank lines are skipped.</summary>
public static class CaseRecordReader
{
    private static readonly JsonSerializerOptions EntityOptions = new(OutputJson.Options)
    {
        // The kind discriminator may come after the entity's other fields in hand-written records.
        AllowOutOfOrderMetadataProperties = true,
    };

    /// <summary>Returns true when the first non-blank line of <paramref name="path"/> is a case record.</summary>
    public static bool IsCaseRecordFile(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.Str("schema") == CaseRecordFormat.Schema;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Reads every case of <paramref name="path"/>.</summary>
    /// <exception cref="OutcomeReadException">A line is not valid JSON or a field is missing or invalid.</exception>
    public static List<CaseOutcome> Read(string path)
    {
        var outcomes = new List<CaseOutcome>();
        var lineNumber = 0L;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException error)
            {
                throw new OutcomeReadException($"{path}:{lineNumber}: invalid JSON: {error.Message}", error);
            }

            using (document)
            {
                outcomes.Add(ReadCase(new RecordFields(document.RootElement, path, lineNumber)));
            }
        }

        return outcomes;
    }

    private static CaseOutcome ReadCase(RecordFields fields)
    {
        if (fields.Required("schema") != CaseRecordFormat.Schema)
        {
            throw fields.Invalid("schema", $"expected '{CaseRecordFormat.Schema}'");
        }

        return new CaseOutcome
        {
            CaseId = fields.Required("caseId"),
            AlertId = fields.Required("alertId"),
            DetectorId = fields.Optional("detectorId"),
            Source = fields.Required("source"),
            Title = fields.Required("title"),
            Severity = fields.Severity("severity"),
            Tactics = fields.Strings("tactics"),
            Techniques = fields.Techniques("techniques"),
            IncidentTechniques = fields.Techniques("incidentTechniques"),
            Entities = ReadEntities(fields),
            CreatedAt = fields.Time("createdAt") ?? throw fields.Invalid("createdAt", "missing value"),
            TriagedAt = fields.Time("triagedAt"),
            ContainedAt = fields.Time("containedAt"),
            ClosedAt = fields.Time("closedAt"),
            Verdict = fields.Verdict("verdict"),
            VerdictReason = fields.Optional("verdictReason"),
            DecidedBy = fields.DecidedBy("decidedBy"),
            AutoClosed = fields.Flag("autoClosed"),
            Escalated = fields.Flag("escalated"),
            TriageVerdict = fields.TriageVerdict("triageVerdict"),
        };
    }

    private static Entity[] ReadEntities(RecordFields fields)
    {
        if (fields.Element("entities") is not { } entities)
        {
            return [];
        }

        try
        {
            return entities.Deserialize<Entity[]>(EntityOptions) ?? [];
        }
        catch (JsonException error)
        {
            throw fields.Invalid("entities", $"invalid entity list ({error.Message}); each entity needs a kind such as account, host or ip");
        }
        catch (NotSupportedException error)
        {
            throw fields.Invalid("entities", $"invalid entity list ({error.Message})");
        }
    }
}
