using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.DefenderForEndpoint;

/// <summary>Normalizes an alert from the Defender for Endpoint API (<c>/api/alerts</c>).</summary>
public sealed class DefenderForEndpointAlertNormalizer : IRecordNormalizer
{
    public string Format => "mde-alert";

    public bool CanNormalize(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        // Graph alerts (alerts_v2) carry Defender for Endpoint alerts too, with an @odata.type; they belong
        // to the Graph alert normalizer.
        var odataType = record.Str("@odata.type");
        if (odataType is not null && odataType.Contains("microsoft.graph", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return record.Str("alertCreationTime") is not null
            && (record.Str("machineId") is not null || record.Str("detectionSource") is not null)
            && !record.Has("properties");
    }

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        var draft = new AlertDraft(SourceProduct.DefenderForEndpoint, raw)
        {
            ProductName = "Microsoft Defender for Endpoint",
            ProviderAlertId = record.Str("id"),
            ProviderIncidentId = record.Str("incidentId"),
            Title = record.Str("title"),
            Description = record.Str("description"),
            Severity = SeverityParser.Parse(record.Str("severity")),
            Status = record.Str("status"),
            DetectorId = record.Str("detectorId"),
            Category = record.Str("category"),
            DetectionSource = record.Str("detectionSource"),
            CreatedAt = AlertDraft.Time(record.Str("alertCreationTime"), "alertCreationTime"),
            FirstActivityAt = AlertDraft.Time(record.Str("firstEventTime"), "firstEventTime"),
            LastActivityAt = AlertDraft.Time(record.Str("lastEventTime"), "lastEventTime"),
            LastUpdatedAt = AlertDraft.Time(record.Str("lastUpdateTime"), "lastUpdateTime"),
        };

        // Categories are often ATT&CK tactic names ("DefenseEvasion") but can also be other names
        // ("Malware", "SuspiciousActivity"), so only tactic names become tactics.
        if (AttackIds.TryNormalizeTactic(draft.Category, out var tactic))
        {
            draft.AddTactics(tactic, "category");
        }

        foreach (var technique in JsonFields.Strings(record.Get("mitreTechniques")))
        {
            draft.AddTechniques(technique, "mitreTechniques");
        }

        draft.SetExtra("classification", record.Str("classification"));
        draft.SetExtra("determination", record.Str("determination"));
        draft.SetExtra("threatFamilyName", record.Str("threatFamilyName"));
        draft.SetExtra("investigationState", record.Str("investigationState"));

        AddMachineAndUsers(record, draft);
        MdeEvidenceReader.Read(record, draft);

        return NormalizationResult.ForAlert(draft.Build("id", "title", "alertCreationTime"));
    }

    private static void AddMachineAndUsers(JsonElement record, AlertDraft draft)
    {
        if (record.Str("machineId") is not null || record.Str("computerDnsName") is not null)
        {
            var host = EntityFactory.Host(
                hostName: record.Str("computerDnsName"),
                defenderDeviceId: record.Str("machineId"),
                role: EntityRole.Impacted);
            draft.AddEntity(host, "machineId", "host");
        }

        if (record.Get("relatedUser") is { ValueKind: JsonValueKind.Object } relatedUser)
        {
            draft.AddEntity(UserAccount(relatedUser), "relatedUser", "account");
        }

        // NOTE: alertUser is not in the /api/alerts reference; an object there is read with relatedUser's field names.
        if (record.Get("alertUser") is { ValueKind: JsonValueKind.Object } alertUser)
        {
            draft.AddEntity(UserAccount(alertUser), "alertUser", "account");
        }
    }

    private static AccountEntity? UserAccount(JsonElement user) =>
        EntityFactory.Account(
            name: user.Str("userName") ?? user.Str("accountName"),
            ntDomain: user.Str("domainName"),
            role: EntityRole.Impacted);
}
