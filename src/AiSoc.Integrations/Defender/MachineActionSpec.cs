using AiSoc.Core.Response;

namespace AiSoc.Integrations.Defender;

/// <summary>How one catalogue action maps to a Defender machine action and its reverse.</summary>
/// <param name="Type">The <see cref="MachineAction.Type"/> value, such as <c>Isolate</c>.</param>
/// <param name="Endpoint">The path segment after <c>/api/machines/{id}/</c>, such as <c>isolate</c>.</param>
/// <param name="Permission">The application permission the action needs.</param>
/// <param name="ReverseType">The machine action type that undoes it, or null when none does.</param>
/// <param name="ReverseEndpoint">The path segment of the reverse action.</param>
internal sealed record MachineActionSpec(string Type, string Endpoint, string Permission, string? ReverseType = null, string? ReverseEndpoint = null)
{
    public static MachineActionSpec? For(ResponseActionType type) => type switch
    {
        ResponseActionType.IsolateDevice => new("Isolate", "isolate", "Machine.Isolate", "Unisolate", "unisolate"),
        ResponseActionType.RestrictAppExecution => new("RestrictCodeExecution", "restrictCodeExecution", "Machine.RestrictExecution", "UnrestrictCodeExecution", "unrestrictCodeExecution"),
        ResponseActionType.RunAvScan => new("RunAntiVirusScan", "runAntiVirusScan", "Machine.Scan"),
        ResponseActionType.CollectInvestigationPackage => new("CollectInvestigationPackage", "collectInvestigationPackage", "Machine.CollectForensics"),
        ResponseActionType.StopAndQuarantineFile => new("StopAndQuarantineFile", "StopAndQuarantineFile", "Machine.StopAndQuarantine"),
        _ => null,
    };
}

/// <summary>The idempotency marker AiSoc writes into each Defender comment, so a replay recognises its own action.</summary>
public static class IdempotencyMarker
{
    /// <summary>Returns <c>[aisoc:key]</c>.</summary>
    public static string For(string idempotencyKey) => "[aisoc:" + idempotencyKey + "]";

    /// <summary>Returns the marker of the rollback of the action with <paramref name="idempotencyKey"/>.</summary>
    public static string ForRollback(string idempotencyKey) => For(idempotencyKey + "|rollback");

    /// <summary>True when <paramref name="comment"/> carries <paramref name="marker"/>.</summary>
    public static bool IsIn(string? comment, string marker) =>
        comment is not null && comment.Contains(marker, StringComparison.Ordinal);
}
