using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Tells Sentinel <c>SecurityAlert</c> rows from Defender for Cloud continuous export records. Both use the same
/// column names, so one rule splits them and no record is claimed by both normalizers.
/// </summary>
/// <remarks>
/// A record is an alert row when it has <c>SystemAlertId</c>, <c>AlertName</c> or <c>AlertDisplayName</c>, and
/// no <c>properties</c> object (ARM and Graph resources have one). It is a continuous export record when it also
/// lacks every Log Analytics column (<c>TenantId</c>, <c>SourceSystem</c>, <c>Type</c> = "SecurityAlert") and
/// has <c>AzureResourceId</c> or an <c>Entities</c> value that is a real JSON array. Log Analytics stores
/// <c>Entities</c> as a string column and names the resource column <c>ResourceId</c>. Export records that
/// were written to a workspace have the Log Analytics columns, so they stay Sentinel rows.
/// </remarks>
internal static class SecurityAlertShape
{
    public static bool IsAlertRow(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object
        && record.Has("SystemAlertId")
        && (record.Has("AlertName") || record.Has("AlertDisplayName"))
        && !(record.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object);

    public static bool IsDefenderForCloudExport(JsonElement record) =>
        IsAlertRow(record)
        && !HasLogAnalyticsColumns(record)
        && (record.Str("AzureResourceId") is not null
            || (record.TryGetProperty("Entities", out var entities) && entities.ValueKind == JsonValueKind.Array));

    public static bool IsSentinelRow(JsonElement record) => IsAlertRow(record) && !IsDefenderForCloudExport(record);

    private static bool HasLogAnalyticsColumns(JsonElement record) =>
        record.Has("TenantId")
        || record.Has("SourceSystem")
        || string.Equals(record.Str("Type"), "SecurityAlert", StringComparison.OrdinalIgnoreCase);
}
