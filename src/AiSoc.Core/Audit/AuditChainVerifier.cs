namespace AiSoc.Core.Audit;

/// <summary>Result of checking an audit file's hash chain.</summary>
/// <param name="RecordCount">Number of records read.</param>
/// <param name="Problems">Each break in the chain, naming the line; empty when the chain is intact.</param>
public sealed record AuditVerification(int RecordCount, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// Checks an audit file: every record's hash must match its content, its previous hash must equal the hash of
/// the line before, and sequence numbers must count up from 1 without gaps. That detects edited, deleted and
/// reordered lines. Deleting lines at the end leaves a valid shorter chain, so callers that keep the last
/// known head hash elsewhere pass it as <c>expectedHeadHash</c>.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditVerification> VerifyFileAsync(string path, string? expectedHeadHash = null, CancellationToken cancellationToken = default)
    {
        var lines = File.Exists(path) ? await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false) : [];
        var problems = new List<string>();
        var previousHash = AuditHasher.GenesisHash;
        long expectedSequence = 1;
        var count = 0;

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            AuditRecord record;
            try
            {
                record = AuditLineParser.Parse(path, i + 1, lines[i]);
            }
            catch (InvalidDataException exception)
            {
                problems.Add(exception.Message);
                continue;
            }

            count++;
            CheckRecord(path, i + 1, record, previousHash, expectedSequence, problems);
            previousHash = record.Hash;
            expectedSequence = record.Sequence + 1;
        }

        if (expectedHeadHash is not null && !string.Equals(previousHash, expectedHeadHash, StringComparison.Ordinal))
        {
            problems.Add($"{path}: the last record's hash {previousHash} differs from the expected head {expectedHeadHash}; records were removed from the end or added.");
        }

        return new AuditVerification(count, problems);
    }

    private static void CheckRecord(string path, int lineNumber, AuditRecord record, string previousHash, long expectedSequence, List<string> problems)
    {
        if (!string.Equals(AuditHasher.Compute(record), record.Hash, StringComparison.Ordinal))
        {
            problems.Add($"{path}: line {lineNumber}: the record's content does not match its hash; it was edited.");
        }

        if (!string.Equals(record.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            problems.Add($"{path}: line {lineNumber}: previous hash does not match the line before; lines were deleted, inserted or reordered.");
        }

        if (record.Sequence != expectedSequence)
        {
            problems.Add($"{path}: line {lineNumber}: sequence {record.Sequence}, expected {expectedSequence}.");
        }
    }
}
