using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Reads the <c>SecurityAlert</c> column set, which Sentinel rows and Defender for Cloud continuous export records
/// share, in typed JSON or with every value as text (CSV exports).
/// </summary>
internal static class SecurityAlertRowReader
{
    /// <summary>Reads <paramref name="record"/> into a new draft. Throws <see cref="Ingest.InvalidRecordException"/> for an unreadable time.</summary>
    public static AlertDraft Read(JsonElement record, string source, RawRecordRef raw)
    {
        var draft = new AlertDraft(source, raw)
        {
            ProductName = record.Str("ProductName"),

            // The product's own id comes first, so the same alert read from Graph or the product API deduplicates.
            ProviderAlertId = ProviderAlertIds.Canonical(record.Str("VendorOriginalId") ?? record.Str("ProviderAlertId") ?? record.Str("SystemAlertId")),
            Title = record.Str("AlertDisplayName") ?? record.Str("AlertName"),
            Description = record.Str("Description"),
            Severity = SeverityParser.Parse(record.Str("Severity")),
            Status = record.Str("Status"),
            DetectorId = record.Str("AlertType"),
            CreatedAt = AlertDraft.Time(record.Str("TimeGenerated"), "TimeGenerated"),
            FirstActivityAt = AlertDraft.Time(record.Str("StartTimeUtc"), "StartTimeUtc"),
            LastActivityAt = AlertDraft.Time(record.Str("EndTimeUtc"), "EndTimeUtc"),
        };

        draft.LastUpdatedAt = AlertDraft.Time(record.Str("ProcessingEndTime"), "ProcessingEndTime") ?? draft.CreatedAt;

        SecurityAlertAttack.AddTactics(draft, record.Get("Tactics"), "Tactics");
        SecurityAlertAttack.AddTactics(draft, record.Get("Intent"), "Intent");
        SecurityAlertAttack.AddTechniques(draft, record.Get("Techniques"), "Techniques");
        SecurityAlertAttack.AddTechniques(draft, record.Get("SubTechniques"), "SubTechniques");
        SecurityAlertAttack.AddExtendedPropertyTechniques(draft, record.Get("ExtendedProperties"), "ExtendedProperties");

        // Sentinel names the alert's resource ResourceId, and the continuous export names it AzureResourceId.
        SecurityAlertEntities.Add(draft, record.Get("Entities"), "Entities", record.Str("ResourceId") ?? record.Str("AzureResourceId"),
            record.Get("ResourceIdentifiers"));

        draft.SetExtra("SystemAlertId", record.Str("SystemAlertId"));
        draft.SetExtra("ProviderName", record.Str("ProviderName"));
        draft.SetExtra("VendorName", record.Str("VendorName"));
        draft.SetExtra("CompromisedEntity", record.Str("CompromisedEntity"));
        draft.SetExtra("IsIncident", record.Bool("IsIncident")?.ToString().ToLowerInvariant());
        return draft;
    }
}
