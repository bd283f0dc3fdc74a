using System.Collections.Frozen;
using AiSoc.Core.Response;

namespace AiSoc.Integrations;

/// <summary>What one tenant action does, how it is undone and what the application needs to run it.</summary>
/// <param name="Type">The catalogue action.</param>
/// <param name="Provider">Which API carries it out: <c>microsoft-graph</c> or <c>defender-for-endpoint</c>.</param>
/// <param name="Impact">How much the action disrupts the user or device.</param>
/// <param name="IsReversible">True when <see cref="TenantActionExecutor.RollbackAsync"/> can undo it.</param>
/// <param name="Rollback">What rollback does, or why there is none.</param>
/// <param name="RequiredPermissions">Application permissions that the call needs (all of them).</param>
/// <param name="Limits">Checks made before the call and limits the provider enforces.</param>
public sealed record TenantActionEntry(
    ResponseActionType Type,
    string Provider,
    ImpactLevel Impact,
    bool IsReversible,
    string Rollback,
    IReadOnlyList<string> RequiredPermissions,
    string Limits);

/// <summary>The tenant actions that <see cref="TenantActionExecutor"/> carries out, one entry per action type.</summary>
public static class TenantActionCatalog
{
    public const string GraphProvider = "microsoft-graph";
    public const string DefenderProvider = "defender-for-endpoint";

    private const string PrivilegedLimit = "A target with a privileged directory role is left to a person.";
    private const string MachineActionLimit = "One pending action of a type per device; Defender allows 100 calls a minute and 1,500 an hour.";

    private static readonly FrozenDictionary<ResponseActionType, TenantActionEntry> Entries = new TenantActionEntry[]
    {
        new(ResponseActionType.DisableUser, GraphProvider, ImpactLevel.High, true,
            "Sets accountEnabled=true again, but only when the account was enabled before the action.",
            ["User.Read.All", "RoleManagement.Read.Directory", "User.EnableDisableAccount.All"],
            PrivilegedLimit + " Disabling an administrator needs an Entra administrator role besides the permission."),
        new(ResponseActionType.RevokeSessions, GraphProvider, ImpactLevel.Medium, false,
            "None: revoked refresh tokens and session cookies stay revoked; the user signs in again.",
            ["User.Read.All", "RoleManagement.Read.Directory", "User.RevokeSessions.All"],
            PrivilegedLimit),
        new(ResponseActionType.ConfirmUserCompromised, GraphProvider, ImpactLevel.Medium, true,
            "Dismisses the user's risk, but only when the user was not already confirmed compromised.",
            ["User.Read.All", "RoleManagement.Read.Directory", "IdentityRiskyUser.ReadWrite.All"],
            PrivilegedLimit + " Needs Entra ID P2 for risky users."),
        new(ResponseActionType.RevokeOAuthGrants, GraphProvider, ImpactLevel.Medium, false,
            "None: re-granting consent would reopen the path; the deleted grants are kept in the previous state for a person.",
            ["Application.Read.All", "DelegatedPermissionGrant.ReadWrite.All"],
            "Only delegated permission grants are deleted; application role assignments are left to a person."),
        new(ResponseActionType.DisableServicePrincipal, GraphProvider, ImpactLevel.High, true,
            "Sets accountEnabled=true again, but only when the service principal was enabled before the action.",
            ["Application.ReadWrite.All"],
            "Microsoft first-party service principals are left to a person."),
        new(ResponseActionType.IsolateDevice, DefenderProvider, ImpactLevel.High, true,
            "Cancels a pending isolation, or releases the device, but only when the device was not isolated before the action.",
            ["Machine.Read.All", "Machine.Isolate"],
            MachineActionLimit + " Isolation type Full or Selective."),
        new(ResponseActionType.RestrictAppExecution, DefenderProvider, ImpactLevel.High, true,
            "Removes the restriction (UnrestrictCodeExecution), but only when the device was not restricted before the action.",
            ["Machine.Read.All", "Machine.RestrictExecution"],
            MachineActionLimit),
        new(ResponseActionType.RunAvScan, DefenderProvider, ImpactLevel.Low, false,
            "None needed: a scan changes nothing that needs undoing.",
            ["Machine.Read.All", "Machine.Scan"],
            MachineActionLimit + " Scan type Quick or Full."),
        new(ResponseActionType.CollectInvestigationPackage, DefenderProvider, ImpactLevel.Low, false,
            "None needed: collection changes nothing that needs undoing.",
            ["Machine.Read.All", "Machine.CollectForensics"],
            MachineActionLimit),
        new(ResponseActionType.StopAndQuarantineFile, DefenderProvider, ImpactLevel.Medium, false,
            "None through this API: a person restores a quarantined file from the device.",
            ["Machine.Read.All", "Machine.StopAndQuarantine"],
            "The API takes the file's SHA-1; the action runs on the devices that report the file, up to a configured maximum. " + MachineActionLimit),
        new(ResponseActionType.BlockIndicator, DefenderProvider, ImpactLevel.Medium, true,
            "Deletes the indicator that the action submitted.",
            ["Ti.ReadWrite.All"],
            "IP address, URL, domain or file hash; no CIDR ranges; title and description required; at most 15,000 indicators per tenant; the indicator expires."),
    }.ToFrozenDictionary(entry => entry.Type);

    /// <summary>All entries in action-type order.</summary>
    public static IReadOnlyList<TenantActionEntry> All { get; } = [.. Entries.Values.OrderBy(entry => entry.Type)];

    /// <summary>Returns the entry of <paramref name="type"/>, or null when no tenant API carries it out (a manual task).</summary>
    public static TenantActionEntry? Find(ResponseActionType type) => Entries.GetValueOrDefault(type);
}
