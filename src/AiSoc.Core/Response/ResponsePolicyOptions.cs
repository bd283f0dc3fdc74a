using AiSoc.Core.Schema;

namespace AiSoc.Core.Response;

/// <summary>
/// Settings of the response policy, bound from configuration and validated at start-up by
/// <see cref="ResponsePolicyOptionsValidator"/>. The defaults run nothing automatically until an operator turns
/// shadow mode off.
/// </summary>
public sealed class ResponsePolicyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "ResponsePolicy";

    /// <summary>When true, no action runs automatically; approved actions still run.</summary>
    public bool KillSwitch { get; set; }

    /// <summary>When true, decisions are logged and audited and no action runs, approved or not.</summary>
    public bool ShadowMode { get; set; } = true;

    /// <summary>Lowest incident verdict for automatic actions: suspicious or malicious.</summary>
    public Verdict MinimumAutoVerdict { get; set; } = Verdict.Malicious;

    /// <summary>Lowest verdict confidence, from 0 to 1, for automatic actions.</summary>
    public double MinimumAutoConfidence { get; set; } = 0.9;

    /// <summary>Highest impact an automatic action may have; set to high only on purpose.</summary>
    public ImpactLevel MaxAutoImpact { get; set; } = ImpactLevel.Low;

    /// <summary>No automatic containment when the newest alert activity is older than this.</summary>
    public TimeSpan MaxAlertAgeForAuto { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Length of the fixed window in which automatic containment actions are counted.</summary>
    public TimeSpan BlastRadiusWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Automatic containment actions of one type allowed per window across all investigations.</summary>
    public int BlastRadiusDefaultLimit { get; set; } = 10;

    /// <summary>Per-action overrides of <see cref="BlastRadiusDefaultLimit"/>, keyed by action name such as <c>isolate-device</c>.</summary>
    public IDictionary<string, int> BlastRadiusLimits { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Action names that must never run, even with approval.</summary>
    public IList<string> BlockedActions { get; } = [];

    /// <summary>Break-glass accounts, by UPN or object id.</summary>
    public IList<string> BreakGlassAccounts { get; } = [];

    /// <summary>Holders of privileged directory roles, by UPN or object id.</summary>
    public IList<string> PrivilegedRoleHolders { get; } = [];

    /// <summary>Accounts tagged as VIPs, by UPN or object id.</summary>
    public IList<string> VipAccounts { get; } = [];

    /// <summary>Domain controllers, by host name, FQDN or Defender device id.</summary>
    public IList<string> DomainControllers { get; } = [];

    /// <summary>Returns the blast-radius limit of <paramref name="type"/>.</summary>
    public int BlastRadiusLimit(ResponseActionType type) =>
        BlastRadiusLimits.TryGetValue(ActionCatalog.Name(type), out var limit) ? limit : BlastRadiusDefaultLimit;

    /// <summary>True when <paramref name="type"/> is listed in <see cref="BlockedActions"/>.</summary>
    public bool IsBlocked(ResponseActionType type) => BlockedActions.Contains(ActionCatalog.Name(type));
}
