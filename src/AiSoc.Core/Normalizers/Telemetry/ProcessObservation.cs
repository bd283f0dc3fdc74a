using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>One process creation from a Defender <c>DeviceProcessEvents</c> row. Times are UTC.</summary>
/// <param name="Host">Baseline key: the lower-case device name, else the device id.</param>
/// <param name="ParentFileName">File name of the initiating (parent) process.</param>
public sealed record ProcessObservation(
    DateTimeOffset Time,
    string Host,
    string? DeviceName,
    string? DeviceId,
    string FileName,
    string ParentFileName,
    string? CommandLine,
    string? AccountName,
    RawRecordRef Raw)
{
    /// <summary>The parent–child pair in lower case, as the baseline counts it.</summary>
    public string Pair => $"{ParentFileName.ToLowerInvariant()} -> {FileName.ToLowerInvariant()}";
}
