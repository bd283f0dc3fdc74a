using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>Reads Windows logon events 4624 and 4625 from <c>SecurityEvent</c> rows.</summary>
public static class LogonRecordReader
{
    /// <summary>True for a <c>SecurityEvent</c> row (named by <c>Type</c> or recognized by its columns) with event 4624 or 4625.</summary>
    public static bool CanRead(JsonElement record) =>
        record.Str("EventID") is "4624" or "4625"
        && (record.Str("Type") is "SecurityEvent" || (record.Has("Computer") && record.Has("TargetUserName") && record.Has("LogonType")));

    /// <summary>Builds the observation; throws <see cref="InvalidRecordException"/> naming the field at fault.</summary>
    public static LogonObservation Read(JsonElement record, RawRecordRef raw)
    {
        var time = TelemetryFields.RequiredTime(record, "TimeGenerated");
        var eventId = TelemetryFields.RequiredInt(record, "EventID");
        var userName = TelemetryFields.WindowsValue(record.Str("TargetUserName"))
            ?? throw new InvalidRecordException("TargetUserName", "missing value");
        var domain = TelemetryFields.WindowsValue(record.Str("TargetDomainName"));
        var computer = TelemetryFields.Required(record, "Computer");
        var logonType = TelemetryFields.RequiredInt(record, "LogonType");

        var ipText = TelemetryFields.WindowsValue(record.Str("IpAddress"));
        string? sourceIp = null;
        if (ipText is not null)
        {
            if (!IpAddressNormalizer.TryNormalize(ipText, out var address) || address is null)
            {
                throw new InvalidRecordException("IpAddress", $"invalid IP address '{TelemetryFields.Clip(ipText)}'");
            }

            sourceIp = address.ToString();
        }

        var account = (domain is null ? userName : domain + "\\" + userName).ToLowerInvariant();
        return new LogonObservation(time, eventId, account, userName, domain, computer, sourceIp,
            TelemetryFields.WindowsValue(record.Str("WorkstationName")), logonType, raw);
    }
}
