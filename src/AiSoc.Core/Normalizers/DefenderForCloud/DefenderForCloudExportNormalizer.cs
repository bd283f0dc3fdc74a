using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Sentinel;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.DefenderForCloud;

/// <summary>
/// Normalizes Defender for Cloud continuous export records (Event Hub or file export). They use the
/// <c>SecurityAlert</c> column names, with <c>Entities</c> as a JSON array, <c>Intent</c> for tactics and
/// <c>AzureResourceId</c> for the resource; <see cref="SecurityAlertShape"/> tells them from Sentinel rows.
/// </summary>
public sealed class DefenderForCloudExportNormalizer : IRecordNormalizer
{
    public string Format => "defender-for-cloud-export";

    public bool CanNormalize(JsonElement record) => SecurityAlertShape.IsDefenderForCloudExport(record);

    public NormalizationResult Normalize(JsonElement record, RawRecordRef raw)
    {
        var draft = SecurityAlertRowReader.Read(record, SourceProduct.DefenderForCloud, raw);
        return NormalizationResult.ForAlert(draft.Build("SystemAlertId", "AlertDisplayName", "TimeGenerated"));
    }
}
