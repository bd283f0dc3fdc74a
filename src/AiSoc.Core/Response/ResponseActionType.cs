using System.Text.Json.Serialization;

namespace AiSoc.Core.Response;

/// <summary>The fixed catalogue of response actions a playbook may propose.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseActionType>))]
public enum ResponseActionType
{
    [JsonStringEnumMemberName("disable-user")] DisableUser,
    [JsonStringEnumMemberName("revoke-sessions")] RevokeSessions,
    [JsonStringEnumMemberName("confirm-user-compromised")] ConfirmUserCompromised,
    [JsonStringEnumMemberName("isolate-device")] IsolateDevice,
    [JsonStringEnumMemberName("restrict-app-execution")] RestrictAppExecution,
    [JsonStringEnumMemberName("run-av-scan")] RunAvScan,
    [JsonStringEnumMemberName("collect-investigation-package")] CollectInvestigationPackage,
    [JsonStringEnumMemberName("stop-and-quarantine-file")] StopAndQuarantineFile,
    [JsonStringEnumMemberName("block-indicator")] BlockIndicator,
    [JsonStringEnumMemberName("revoke-oauth-grants")] RevokeOAuthGrants,
    [JsonStringEnumMemberName("disable-service-principal")] DisableServicePrincipal,

    /// <summary>A step a person performs, such as a mail purge or a certificate rotation, confirmed by a named role.</summary>
    [JsonStringEnumMemberName("manual-task")] ManualTask,
}
