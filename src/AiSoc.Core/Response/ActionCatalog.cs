using System.Collections.Frozen;

namespace AiSoc.Core.Response;

/// <summary>
/// Names, allowed target kinds and containment flags of the action catalogue. Containment actions change the state
/// of an account, device, application or network path. They count against the blast-radius limit, and the policy
/// never runs them automatically on protected entities.
/// </summary>
public static class ActionCatalog
{
    /// <summary>Target kind of a manual task that concerns the whole incident rather than one entity.</summary>
    public const string IncidentTarget = "incident";

    private static readonly FrozenDictionary<string, ResponseActionType> ByName = new Dictionary<string, ResponseActionType>
    {
        ["disable-user"] = ResponseActionType.DisableUser,
        ["revoke-sessions"] = ResponseActionType.RevokeSessions,
        ["confirm-user-compromised"] = ResponseActionType.ConfirmUserCompromised,
        ["isolate-device"] = ResponseActionType.IsolateDevice,
        ["restrict-app-execution"] = ResponseActionType.RestrictAppExecution,
        ["run-av-scan"] = ResponseActionType.RunAvScan,
        ["collect-investigation-package"] = ResponseActionType.CollectInvestigationPackage,
        ["stop-and-quarantine-file"] = ResponseActionType.StopAndQuarantineFile,
        ["block-indicator"] = ResponseActionType.BlockIndicator,
        ["revoke-oauth-grants"] = ResponseActionType.RevokeOAuthGrants,
        ["disable-service-principal"] = ResponseActionType.DisableServicePrincipal,
        ["manual-task"] = ResponseActionType.ManualTask,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<ResponseActionType, string> NameOf =
        ByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    private static readonly string[] EntityKinds =
        ["account", "host", "ip", "url", "domain", "file", "cloud-application", "mailbox", "mail-message", "azure-resource", IncidentTarget];

    /// <summary>All action names in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Returns the catalogue name of <paramref name="type"/>, such as <c>disable-user</c>.</summary>
    public static string Name(ResponseActionType type) => NameOf[type];

    /// <summary>Parses a catalogue name; names are case-sensitive, as in the playbook schema.</summary>
    public static bool TryParse(string? name, out ResponseActionType type) =>
        ByName.TryGetValue(name ?? string.Empty, out type);

    /// <summary>Returns the entity kinds that an action of <paramref name="type"/> can target.</summary>
    public static IReadOnlyList<string> TargetKinds(ResponseActionType type) => type switch
    {
        ResponseActionType.DisableUser or ResponseActionType.RevokeSessions or ResponseActionType.ConfirmUserCompromised => ["account"],
        ResponseActionType.IsolateDevice or ResponseActionType.RestrictAppExecution or ResponseActionType.RunAvScan
            or ResponseActionType.CollectInvestigationPackage => ["host"],
        ResponseActionType.StopAndQuarantineFile => ["file"],
        ResponseActionType.BlockIndicator => ["ip", "url", "domain", "file"],
        ResponseActionType.RevokeOAuthGrants or ResponseActionType.DisableServicePrincipal => ["cloud-application"],
        ResponseActionType.ManualTask => EntityKinds,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown action type."),
    };

    /// <summary>True when the action contains a threat by changing an account, device, application or network path.</summary>
    public static bool IsContainment(ResponseActionType type) => type switch
    {
        ResponseActionType.RunAvScan or ResponseActionType.CollectInvestigationPackage or ResponseActionType.ManualTask => false,
        _ => true,
    };
}
