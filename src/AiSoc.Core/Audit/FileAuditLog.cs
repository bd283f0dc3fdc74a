using System.Text;
using System.Text.Json;

namespace AiSoc.Core.Audit;

/// <summary>
/// An <see cref="IAuditLog"/> that appends one JSON record per line (NDJSON) to a file, each carrying the hash of
/// the previous record. Appends through one instance are serialized.
/// </summary>
/// <remarks>NOTE: use one instance per file; two instances or processes appending to the same file would fork the
/// chain, because each keeps the chain head in memory.</remarks>
public sealed class FileAuditLog : IAuditLog, IDisposable
{
    // NDJSON readers do not expect a byte-order mark before the first record.
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _path;
    private readonly TimeProvider _timeProvider;
    private (long Sequence, string Hash)? _head;

    public FileAuditLog(string path, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _timeProvider = timeProvider;
    }

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (sequence, hash) = _head ??= await ReadHeadAsync(cancellationToken).ConfigureAwait(false);
            var record = AuditChain.Next(entry, sequence + 1, hash, _timeProvider.GetUtcNow());
            var line = JsonSerializer.Serialize(record, AuditJson.Options) + "\n";
            await File.AppendAllTextAsync(_path, line, Utf8WithoutBom, cancellationToken).ConfigureAwait(false);
            _head = (record.Sequence, record.Hash);
            return record;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadInvestigationAsync(string investigationId, CancellationToken cancellationToken = default)
    {
        var records = await ReadAllAsync(_path, cancellationToken).ConfigureAwait(false);
        return [.. records.Where(record => record.InvestigationId == investigationId)];
    }

    /// <summary>Reads every record of an audit file in line order.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid audit record; the message names the file and line.</exception>
    public static async Task<IReadOnlyList<AuditRecord>> ReadAllAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var records = new List<AuditRecord>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (line.Length > 0)
            {
                records.Add(AuditLineParser.Parse(path, lineNumber, line));
            }
        }

        return records;
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(long, string)> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var records = await ReadAllAsync(_path, cancellationToken).ConfigureAwait(false);
        return records.Count == 0 ? (0, AuditHasher.GenesisHash) : (records[^1].Sequence, records[^1].Hash);
    }
}
