using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tuning.Suppressions;

/// <summary>
/// Applies suppression proposals to a suppressions file (a JSON array of <see cref="Suppression"/>) and appends an
/// audit record (NDJSON of <see cref="SuppressionAuditRecord"/>) for each one.
/// </summary>
public sealed class SuppressionStore(TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions IndentedOptions = new(OutputJson.Options) { WriteIndented = true };

    /// <summary>Adds <paramref name="proposal"/> to the suppressions file, then appends the audit record.</summary>
    /// <exception cref="SuppressionException">The proposal is not an unexpired suppression, was already applied, or a file is invalid.</exception>
    public Suppression Apply(TuningProposal proposal, string suppressionsPath, string auditPath, string appliedBy)
    {
        if (string.IsNullOrWhiteSpace(appliedBy))
        {
            throw new SuppressionException("Missing approver name: pass the name of the person applying the suppression.");
        }

        if (proposal.Kind != ProposalKind.Suppression || proposal.DetectorId is null
            || proposal.Condition.EntityField is not { } field || proposal.Condition.EntityValue is not { } value
            || proposal.ExpiresAt is not { } expiresAt)
        {
            throw new SuppressionException($"Proposal {proposal.Id} is a {proposal.Kind} proposal, not a suppression with a detector, entity condition and expiry.");
        }

        if (!SuppressionFields.Allowed.Contains(field))
        {
            throw new SuppressionException($"Proposal {proposal.Id} keys on '{field}', which is not a stable suppression field.");
        }

        var now = timeProvider.GetUtcNow();
        if (expiresAt <= now)
        {
            throw new SuppressionException($"Proposal {proposal.Id} expired at {expiresAt:O}; run aisoc tune again for current proposals.");
        }

        var suppressions = ReadSuppressions(suppressionsPath);
        if (suppressions.Any(s => s.ProposalId == proposal.Id))
        {
            throw new SuppressionException($"Proposal {proposal.Id} is already in {suppressionsPath}.");
        }

        var suppression = new Suppression
        {
            ProposalId = proposal.Id,
            DetectorId = proposal.DetectorId,
            EntityField = field,
            EntityValue = value,
            ExpiresAt = expiresAt,
            AppliedAt = now,
            AppliedBy = appliedBy.Trim(),
            EvidenceHash = proposal.Evidence.ComputeHash(),
        };
        suppressions.Add(suppression);

        WriteAtomically(suppressionsPath, JsonSerializer.Serialize(suppressions, IndentedOptions) + "\n");
        var audit = new SuppressionAuditRecord("apply-suppression", now, suppression.AppliedBy, proposal.Id, suppression.DetectorId,
            field, value, expiresAt, suppression.EvidenceHash);
        File.AppendAllText(auditPath, JsonSerializer.Serialize(audit, OutputJson.Options) + "\n");
        return suppression;
    }

    /// <summary>Reads the suppressions file; a missing or empty file has no suppressions.</summary>
    /// <exception cref="SuppressionException">The file is not a JSON array of suppressions.</exception>
    public static List<Suppression> ReadSuppressions(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<Suppression>>(File.ReadAllText(path), OutputJson.Options) ?? [];
        }
        catch (JsonException error)
        {
            throw new SuppressionException($"Invalid suppressions file {path}: {error.Message}", error);
        }
    }

    // The suppressions file is replaced in one step, so a reader never sees half of it.
    private static void WriteAtomically(string path, string content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
