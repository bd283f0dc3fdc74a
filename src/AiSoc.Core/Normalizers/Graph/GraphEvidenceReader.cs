using System.Globalization;
using System.Text.Json;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Graph;

/// <summary>
/// Turns the <c>evidence</c> collection of a Graph security alert into entities, dispatching on each item's
/// <c>@odata.type</c>. An item without a usable identifier is dropped with a warning; the alert is kept.
/// </summary>
internal static class GraphEvidenceReader
{
    // Evidence types with no entity in the schema. They are skipped without a warning because they are
    // expected in normal alerts. Any other unknown type produces a warning.
    private static readonly HashSet<string> IgnoredTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "amazonResourceEvidence", "googleCloudResourceEvidence", "mailClusterEvidence", "securityGroupEvidence",
        "kubernetesClusterEvidence", "kubernetesControllerEvidence", "kubernetesNamespaceEvidence",
        "kubernetesPodEvidence", "kubernetesSecretEvidence", "kubernetesServiceAccountEvidence",
        "kubernetesServiceEvidence", "containerEvidence", "containerImageEvidence", "containerRegistryEvidence",
        "blobContainerEvidence", "blobEvidence", "gitHubRepoEvidence", "sasTokenEvidence", "nicEvidence",
        "dnsEvidence", "ioTDeviceEvidence", "submissionMailEvidence", "hostLogonSessionEvidence",
    };

    /// <summary>Adds the entities of every evidence item and counts the items with a malicious verdict.</summary>
    public static void Read(JsonElement? evidence, AlertDraft draft)
    {
        evidence = ParseIfText(evidence, draft);

        var index = -1;
        var malicious = 0;
        var count = 0;
        foreach (var item in JsonFields.Items(evidence))
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            count++;
            if (string.Equals(item.Str("verdict"), "malicious", StringComparison.OrdinalIgnoreCase))
            {
                malicious++;
            }

            ReadItem(item, $"evidence[{index}]", draft);
        }

        if (count > 0)
        {
            draft.SetExtra("evidenceMaliciousCount", malicious.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Parses the evidence array of an all-string export, where it arrives as JSON text.</summary>
    private static JsonElement? ParseIfText(JsonElement? evidence, AlertDraft draft)
    {
        if (evidence is not { ValueKind: JsonValueKind.String } text || JsonFields.AsText(text) is not { } json)
        {
            return evidence;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            draft.Warn($"evidence: ignored text that is not a JSON array ({error.Message})");
            return null;
        }
    }

    private static void ReadItem(JsonElement item, string field, AlertDraft draft)
    {
        var odataType = item.Str("@odata.type");
        if (odataType is null)
        {
            draft.Warn($"{field}: skipped evidence without @odata.type");
            return;
        }

        // "#microsoft.graph.security.deviceEvidence" → "deviceEvidence"
        var type = odataType[(odataType.LastIndexOf('.') + 1)..];
        var role = StrongestRole(item);

        switch (type)
        {
            case "deviceEvidence":
                GraphEvidenceEntities.AddDevice(item, field, role, draft);
                break;
            case "userEvidence":
                draft.AddEntity(GraphEvidenceEntities.Account(item.Get("userAccount"), role), field, "account");
                break;
            case "fileEvidence":
                draft.AddEntity(GraphEvidenceEntities.File(item.Get("fileDetails"), role), field + ".fileDetails", "file");
                break;
            case "processEvidence":
                GraphEvidenceEntities.AddProcess(item, field, role, draft);
                break;
            case "registryKeyEvidence":
            case "registryValueEvidence":
                draft.AddEntity(GraphEvidenceEntities.Registry(item, role), field, "registry");
                break;
            case "ipEvidence":
                draft.AddIp(item.Str("ipAddress"), field + ".ipAddress", role);
                break;
            case "urlEvidence":
                draft.AddEntity(GraphEvidenceEntities.Url(item.Str("url"), role), field, "url");
                break;
            case "mailboxEvidence":
                draft.AddEntity(GraphEvidenceEntities.Mailbox(item, role), field, "mailbox");
                break;
            case "analyzedMessageEvidence":
                GraphEvidenceEntities.AddMessage(item, field, role, draft);
                break;
            case "cloudApplicationEvidence":
            case "oauthApplicationEvidence":
                draft.AddEntity(GraphEvidenceEntities.CloudApplication(item, role), field, "cloud-application");
                break;
            case "azureResourceEvidence":
                draft.AddEntity(GraphEvidenceEntities.AzureResource(item.Str("resourceId"), role), field, "azure-resource");
                break;
            case "malwareEvidence":
                draft.AddEntity(GraphEvidenceEntities.Malware(item, role), field, "malware");
                break;
            default:
                if (!IgnoredTypes.Contains(type))
                {
                    draft.Warn($"{field}: skipped unsupported evidence type '{odataType}'");
                }

                break;
        }
    }

    /// <summary>
    /// Picks one role from the evidence's <c>roles</c> list. Graph can list several roles per item, so the one
    /// that matters most for triage wins: attacker, then impacted, then related.
    /// </summary>
    private static EntityRole? StrongestRole(JsonElement item)
    {
        EntityRole? best = null;
        foreach (var text in JsonFields.Strings(item.Get("roles")))
        {
            var role = EntityFactory.Role(text);
            if (role == EntityRole.Attacker)
            {
                return role;
            }

            if (role == EntityRole.Impacted || (role == EntityRole.Related && best is null))
            {
                best = role;
            }
        }

        return best;
    }
}
