using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AiSoc.Core.Audit;
using AiSoc.Integrations.Recording;

namespace AiSoc.Integrations.WriteBack;

/// <summary>Audit records and deterministic ids shared by the write-back clients.</summary>
internal static class WriteBackAudit
{
    /// <summary>Returns a GUID derived from <paramref name="idempotencyKey"/>, so a replay writes to the same comment id.</summary>
    public static Guid DeterministicId(string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("aisoc-write-back|" + idempotencyKey));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Appends one record of a write-back to <paramref name="auditLog"/>; does nothing when no log is registered.</summary>
    public static async Task AppendAsync(
        IAuditLog? auditLog, string investigationId, string name, string actor, string target, WriteBackResult result, CancellationToken cancellationToken)
    {
        if (auditLog is null)
        {
            return;
        }

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["target"] = target, ["approvedBy"] = actor };
        for (var i = 0; i < result.Calls.Count; i++)
        {
            var number = (i + 1).ToString("D2", CultureInfo.InvariantCulture);
            inputs[$"request{number}"] = result.Calls[i].Describe();
            inputs[$"response{number}"] = result.Calls[i].StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response";
        }

        var entry = new AuditEntry
        {
            InvestigationId = investigationId,
            Kind = "write-back",
            Name = name,
            Actor = actor,
            Inputs = inputs,
            Outcome = $"{result.Status}: {result.Message}",
        };
        await auditLog.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    public static WriteBackResult Finish(RecordingScope scope, WriteBackStatus status, string message) => new(status, message, scope.Calls);
}
