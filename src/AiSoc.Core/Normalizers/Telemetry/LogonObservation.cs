using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>One Windows logon (4624) or failed logon (4625) from a <c>SecurityEvent</c> row. Times are UTC.</summary>
/// <param name="Account">Baseline key: <c>DOMAIN\user</c> from the target user, in lower case.</param>
/// <param name="SourceIp">Source IP address; null when the event has "-" or no address.</param>
/// <param name="SourceWorkstation">Source workstation name; null when the event has "-".</param>
/// <param name="LogonType">Windows logon type, such as 2 (interactive), 3 (network) or 10 (remote interactive).</param>
public sealed record LogonObservation(
    DateTimeOffset Time,
    int EventId,
    string Account,
    string TargetUserName,
    string? TargetDomainName,
    string Computer,
    string? SourceIp,
    string? SourceWorkstation,
    int LogonType,
    RawRecordRef Raw)
{
    public bool IsSuccess => EventId == 4624;
}
