using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>Reads process creations from Defender for Endpoint <c>DeviceProcessEvents</c> rows.</summary>
public static class ProcessRecordReader
{
    /// <summary>True for a <c>DeviceProcessEvents</c> row, named by <c>Type</c> or recognized by its columns.</summary>
    public static bool CanRead(JsonElement record) =>
        record.Str("Type") is "DeviceProcessEvents"
        || (record.Str("Type") is null && record.Has("InitiatingProcessFileName") && record.Has("ProcessCommandLine")
            && record.Has("DeviceName"));

    /// <summary>Builds the observation; throws <see cref="InvalidRecordException"/> naming the field at fault.</summary>
    public static ProcessObservation Read(JsonElement record, RawRecordRef raw)
    {
        var timeField = record.Has("Timestamp") ? "Timestamp" : "TimeGenerated";
        var time = TelemetryFields.RequiredTime(record, timeField);
        var deviceName = record.Str("DeviceName");
        var deviceId = record.Str("DeviceId");
        var host = deviceName?.ToLowerInvariant() ?? deviceId?.ToLowerInvariant()
            ?? throw new InvalidRecordException("DeviceName", "missing value, and DeviceId is missing too");
        var fileName = TelemetryFields.Required(record, "FileName");
        var parent = TelemetryFields.Required(record, "InitiatingProcessFileName");

        return new ProcessObservation(time, host, deviceName, deviceId, fileName, parent,
            record.Str("ProcessCommandLine"), record.Str("AccountName"), raw);
    }
}
