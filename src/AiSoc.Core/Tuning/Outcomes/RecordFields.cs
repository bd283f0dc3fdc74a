using System.Text.Json;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>Typed access to one case record's fields, with errors that name the file, line and field.</summary>
internal readonly struct RecordFields(JsonElement record, string file, long line)
{
    public JsonElement? Element(string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public OutcomeReadException Invalid(string field, string problem) => OutcomeReadException.ForField(file, line, field, problem);

    public string Required(string name) =>
        Optional(name) ?? throw Invalid(name, "missing value");

    public string? Optional(string name)
    {
        if (Element(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(name, $"expected a string, found {value.ValueKind}");
        }

        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public DateTimeOffset? Time(string name)
    {
        if (Optional(name) is not { } text)
        {
            return null;
        }

        return UtcTimestamp.TryParse(text, out var time) ? time : throw Invalid(name, UtcTimestamp.DescribeInvalid(text));
    }

    public bool Flag(string name) => Element(name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } other => throw Invalid(name, $"expected true or false, found {other.ValueKind}"),
    };

    public List<string> Strings(string name)
    {
        if (Element(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw Invalid(name, "expected an array of strings");
        }

        return value.EnumerateArray().Select(item => item.GetString()!).ToList();
    }

    public List<string> Techniques(string name)
    {
        var techniques = new List<string>();
        foreach (var text in Strings(name))
        {
            if (!AttackIds.TryNormalizeTechnique(text, out var technique))
            {
                throw Invalid(name, $"invalid ATT&CK technique id '{text}': expected an id such as T1566 or T1566.001");
            }

            if (!techniques.Contains(technique))
            {
                techniques.Add(technique);
            }
        }

        return techniques;
    }

    public Severity Severity(string name) => SeverityParser.Parse(Optional(name));

    public CaseVerdict Verdict(string name)
    {
        var text = Optional(name);
        return CaseVerdicts.TryParse(text, out var verdict)
            ? verdict
            : throw Invalid(name, $"unknown verdict '{text}': expected TruePositive, BenignPositive, FalsePositive or Unknown");
    }

    public VerdictSource DecidedBy(string name) => Optional(name)?.ToUpperInvariant() switch
    {
        null => VerdictSource.Unknown,
        "HUMAN" => VerdictSource.Human,
        "AUTOMATION" => VerdictSource.Automation,
        var other => throw Invalid(name, $"unknown value '{other}': expected human or automation"),
    };

    public Verdict? TriageVerdict(string name) => Optional(name)?.ToUpperInvariant() switch
    {
        null => null,
        "BENIGN" => Schema.Verdict.Benign,
        "SUSPICIOUS" => Schema.Verdict.Suspicious,
        "MALICIOUS" => Schema.Verdict.Malicious,
        "NEEDS-CONTEXT" => Schema.Verdict.NeedsContext,
        var other => throw Invalid(name, $"unknown triage verdict '{other}': expected benign, suspicious, malicious or needs-context"),
    };
}
