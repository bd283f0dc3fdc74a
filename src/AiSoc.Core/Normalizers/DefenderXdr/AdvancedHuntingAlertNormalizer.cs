using System.Text.Json;
using System.Text.RegularExpressions;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.DefenderXdr;

/// <summary>
/// Normalizes the Defender XDR advanced hunting alert tables, <c>AlertInfo</c> and <c>AlertEvidence</c>, as the
/// streaming API sends them to Event Hubs or storage (<c>{"category":"AdvancedHunting-AlertInfo","properties":{…}}</c>
/// inside <c>{"records":[…]}</c>) or as an advanced hunting export writes them (the columns at the top level).
/// One alert arrives as one <c>AlertInfo</c> row and one <c>AlertEvidence</c> row per entity, all with the same
/// <c>AlertId</c>. Each row becomes a version of that alert; deduplication joins them, keeping the
/// <c>AlertInfo</c> fields and the entities of every evidence row (see <see cref="NormalizedAlert.IsEvidenceOnly"/>).
/// </summary>
public sealed partial class AdvancedHuntingAlertNormalizer : IRecordNormalizer
{
    private const string InfoCategory = "AdvancedHunting-AlertInfo";
    private const string EvidenceCategory = "AdvancedHunting-AlertEvidence";

    public string Format => "defender-xdr-alert-stream";

    public bool CanNormalize(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (record.Str("category") is InfoCategory or EvidenceCategory)
        {
            return record.Get("properties") is { ValueKind: JsonValueKind.Object };
        }

        // An advanced hunting export row: both tables have these columns, and only AlertEvidence has EntityType.
        return record.Has("AlertId") && record.Has("ServiceSource") && record.Has("DetectionSource")
            && (record.Has("Severity") || record.Has("EntityType"));
    }

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        var isStream = record.Str("category") is not null;
        var row = isStream ? record.GetProperty("properties") : record;
        var prefix = isStream ? "properties." : string.Empty;
        var isEvidence = isStream ? record.Str("category") == EvidenceCategory : row.Has("EntityType");

        var draft = new AlertDraft(SourceProduct.DefenderXdr, raw)
        {
            ProductName = row.Str("ServiceSource"),
            ProviderAlertId = row.Str("AlertId"),
            Title = row.Str("Title"),
            Severity = SeverityParser.Parse(row.Str("Severity")),
            Category = row.Str("Category") ?? row.Str("Categories"),
            DetectionSource = row.Str("DetectionSource"),
            CreatedAt = AlertDraft.Time(row.Str("Timestamp") ?? record.Str("time"), prefix + "Timestamp"),
        };

        if (AttackIds.TryNormalizeTactic(draft.Category, out var tactic))
        {
            draft.AddTactics(tactic, prefix + "Category");
        }

        if (row.Str("AttackTechniques") is { } techniques)
        {
            // Values read like ["Valid Accounts (T1078)","Rundll32 (T1218.011)"]: only the ids are taken.
            foreach (Match match in TechniqueId().Matches(techniques))
            {
                draft.AddTechniques(match.Value, prefix + "AttackTechniques");
            }
        }

        if (isEvidence)
        {
            AdvancedHuntingEvidence.Add(draft, row, prefix);
        }

        draft.SetExtra("streamingTable", isEvidence ? "AlertEvidence" : "AlertInfo");
        var alert = draft.Build(prefix + "AlertId", prefix + "Title", prefix + "Timestamp");
        alert.IsEvidenceOnly = isEvidence;
        return NormalizationResult.ForAlert(alert);
    }

    [GeneratedRegex(@"\bT\d{4}(?:\.\d{3})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TechniqueId();
}
