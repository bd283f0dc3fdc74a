using System.Text.Json.Serialization;

namespace AiSoc.Approvals;

/// <summary>State of an approval request. <see cref="ApprovalHandler"/> moves it out of pending at most once.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApprovalStatus>))]
public enum ApprovalStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("expired")] Expired,
}
