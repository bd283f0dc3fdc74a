using System.Text.Json.Serialization;

namespace AiSoc.Core.Response;

/// <summary>What the policy decided for one proposed action.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionDisposition>))]
public enum ActionDisposition
{
    /// <summary>The action may run without a person approving it.</summary>
    [JsonStringEnumMemberName("auto-execute")] AutoExecute,

    /// <summary>A person with the approver role must approve the action before it runs.</summary>
    [JsonStringEnumMemberName("require-approval")] RequireApproval,

    /// <summary>The action must not run, even with approval.</summary>
    [JsonStringEnumMemberName("block")] Block,
}
