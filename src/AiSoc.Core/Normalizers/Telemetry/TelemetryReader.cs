using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>
/// Reads sign-in, logon and process telemetry from files through the alert ingestion readers, so every file
/// format and container that triage accepts works here too.
/// </summary>
public static class TelemetryReader
{
    private const string Format = "telemetry";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <summary>Reads every file of <paramref name="catalog"/>; rows of other tables are rejected with the reason.</summary>
    /// <exception cref="InputReadException">A file could not be opened or read.</exception>
    public static TelemetryBatch Read(InputCatalog catalog)
    {
        var collector = new Collector();
        foreach (var file in catalog.Files)
        {
            foreach (var batch in InputReaders.Read(file))
            {
                foreach (var raw in batch.Records)
                {
                    collector.Add(raw);
                }
            }
        }

        return collector.ToBatch();
    }

    private sealed class Collector
    {
        private readonly List<SignInObservation> _signIns = [];
        private readonly HashSet<string> _signInIds = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<LogonObservation> _logons = [];
        private readonly List<ProcessObservation> _processes = [];
        private readonly List<RejectedRecord> _rejects = [];
        private long _records;
        private long _duplicates;

        public void Add(RawRecord raw)
        {
            if (raw.ReadError is not null)
            {
                _records++;
                Reject(raw.Ref, raw.ReadError);
                return;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(raw.Bytes, DocumentOptions);
            }
            catch (JsonException error)
            {
                _records++;
                Reject(raw.Ref, "invalid JSON: " + error.Message.Split(" LineNumber", 2)[0]);
                return;
            }

            using (document)
            {
                var items = RecordUnwrapper.TryUnwrap(document.RootElement);
                if (items is null)
                {
                    AddRow(document.RootElement, raw.Ref);
                    return;
                }

                for (var i = 0; i < items.Count; i++)
                {
                    AddRow(items[i], raw.Ref with { Item = i });
                }
            }
        }

        public TelemetryBatch ToBatch() => new(
            [.. _signIns.OrderBy(o => o.Time)],
            [.. _logons.OrderBy(o => o.Time)],
            [.. _processes.OrderBy(o => o.Time)],
            _rejects,
            _records,
            _duplicates);

        private void AddRow(JsonElement row, RawRecordRef reference)
        {
            _records++;
            try
            {
                if (SignInRecordReader.CanRead(row))
                {
                    var signIn = SignInRecordReader.Read(row, reference);
                    if (_signInIds.Add(signIn.Id))
                    {
                        _signIns.Add(signIn);
                    }
                    else
                    {
                        _duplicates++;
                    }
                }
                else if (LogonRecordReader.CanRead(row))
                {
                    _logons.Add(LogonRecordReader.Read(row, reference));
                }
                else if (ProcessRecordReader.CanRead(row))
                {
                    _processes.Add(ProcessRecordReader.Read(row, reference));
                }
                else
                {
                    Reject(reference, "not a SigninLogs, SecurityEvent 4624/4625 or DeviceProcessEvents row");
                }
            }
            catch (InvalidRecordException error)
            {
                Reject(reference, error.Message, Format);
            }
        }

        private void Reject(RawRecordRef reference, string reason, string? format = null) =>
            _rejects.Add(new RejectedRecord(reference.File, reference.Record, reference.Line, reference.Item, reason, format));
    }
}
