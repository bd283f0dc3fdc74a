using System.Text.Json.Serialization;

namespace AiSoc.Core.Response;

/// <summary>Result of the policy re-check right before an action runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExecutionClearance>))]
public enum ExecutionClearance
{
    /// <summary>Run the action now.</summary>
    [JsonStringEnumMemberName("execute")] Execute,

    /// <summary>Do not run it automatically; ask a person for approval first.</summary>
    [JsonStringEnumMemberName("needs-approval")] NeedsApproval,

    /// <summary>Do not run it at all.</summary>
    [JsonStringEnumMemberName("blocked")] Blocked,

    /// <summary>Shadow mode: record what would run and run nothing.</summary>
    [JsonStringEnumMemberName("shadow-only")] ShadowOnly,
}

/// <summary>The re-check result for one action, with the reasons.</summary>
public sealed record PreExecutionCheck(ProposedAction Action, ExecutionClearance Clearance, IReadOnlyList<string> Reasons);
