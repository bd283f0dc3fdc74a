using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Normalizes rows of the Log Analytics <c>SecurityAlert</c> table, as typed JSON from the query API or as CSV
/// export rows whose values are all text. Defender for Cloud continuous export records have the same columns and
/// go to <see cref="DefenderForCloud.DefenderForCloudExportNormalizer"/>, and <see cref="SecurityAlertShape"/> contains the rule.
/// </summary>
public sealed class SecurityAlertRowNormalizer : IRecordNormalizer
{
    public string Format => "sentinel-securityalert";

    public bool CanNormalize(JsonElement record) => SecurityAlertShape.IsSentinelRow(record);

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        var draft = SecurityAlertRowReader.Read(record, SourceProduct.Sentinel, raw);
        return NormalizationResult.ForAlert(draft.Build("SystemAlertId", "AlertDisplayName", "TimeGenerated"));
    }
}
