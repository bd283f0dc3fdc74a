using System.Text.Json;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>
/// Streams a JSON file as records: the elements of a top-level array one by one, or each top-level value of a
/// file of concatenated values. A top-level object is one record even when large (containers such as
/// <c>{"value":[...]}</c> are unwrapped later, in memory).
/// </summary>
public sealed class JsonValuesReader : IDisposable
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowMultipleValues = true,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Stream _stream;
    private readonly string _displayPath;
    private byte[] _buffer;
    private int _filled;
    private bool _isFinal;
    private JsonReaderState _state = new(Options);
    private bool _seenFirstToken;
    private bool _inTopArray;
    private long _record;
    private long _line = 1;
    private int _countedIndex;
    private bool _done;

    private JsonValuesReader(string path, string displayPath, int bufferBytes)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _displayPath = displayPath;
        _buffer = new byte[bufferBytes];
    }

    /// <summary>Reads <paramref name="path"/>, reporting it as <paramref name="displayPath"/> in record references.</summary>
    public static IEnumerable<RecordBatch> Read(string path, string displayPath, int bufferBytes = 1024 * 1024)
    {
        using var reader = new JsonValuesReader(path, displayPath, bufferBytes);
        while (reader.ReadBatch() is { } batch)
        {
            yield return batch;
        }
    }

    public void Dispose() => _stream.Dispose();

    private RecordBatch? ReadBatch()
    {
        while (!_done)
        {
            Fill();
            var records = new List<RawRecord>();
            int consumed;
            try
            {
                consumed = Split(records);
            }
            catch (JsonException error)
            {
                _done = true;
                records.Add(InvalidJson(error));
                return new RecordBatch(records, _filled);
            }

            Shift(consumed);
            if (_isFinal && consumed == 0 && records.Count == 0)
            {
                _done = true;
            }

            if (records.Count > 0)
            {
                return new RecordBatch(records, consumed);
            }

            if (consumed == 0 && !_isFinal && _filled == _buffer.Length)
            {
                // One value larger than the buffer: grow it and read on.
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        return null;
    }

    private void Fill()
    {
        if (_isFinal)
        {
            return;
        }

        var wasEmpty = _filled == 0 && _record == 0 && !_seenFirstToken;
        _filled += _stream.ReadAtLeast(_buffer.AsSpan(_filled), _buffer.Length - _filled, throwOnEndOfStream: false);
        _isFinal = _filled < _buffer.Length;

        if (wasEmpty && _buffer.AsSpan(0, _filled).StartsWith("\uFEFF"u8))
        {
            Shift(3);
        }
    }

    // Emits the complete values in the buffer and returns how many bytes they used.
    private int Split(List<RawRecord> records)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _filled), _isFinal, _state);
        var committed = 0;

        while (reader.Read())
        {
            if (!_seenFirstToken)
            {
                _seenFirstToken = true;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    _inTopArray = true;
                    committed = Commit(ref reader);
                    continue;
                }
            }

            if (_inTopArray && reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 0)
            {
                _inTopArray = false;
                committed = Commit(ref reader);
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                break;
            }

            var end = (int)reader.BytesConsumed;
            records.Add(new RawRecord(new RawRecordRef(_displayPath, _record++, LineAt(start)), _buffer.AsSpan(start, end - start).ToArray()));
            committed = Commit(ref reader);
        }

        return committed;
    }

    private int Commit(ref Utf8JsonReader reader)
    {
        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private long LineAt(int index)
    {
        _line += _buffer.AsSpan(_countedIndex, index - _countedIndex).Count((byte)'\n');
        _countedIndex = index;
        return _line;
    }

    private void Shift(int count)
    {
        if (count == 0)
        {
            return;
        }

        _line += _buffer.AsSpan(_countedIndex, count - _countedIndex).Count((byte)'\n');
        _countedIndex = 0;
        _buffer.AsSpan(count, _filled - count).CopyTo(_buffer);
        _filled -= count;
    }

    private RawRecord InvalidJson(JsonException error)
    {
        var message = $"invalid JSON near line {error.LineNumber + 1}: {error.Message.Split(" LineNumber", 2)[0]}; the rest of the file was not read";
        return new RawRecord(new RawRecordRef(_displayPath, _record, error.LineNumber + 1), ReadOnlyMemory<byte>.Empty, message);
    }
}
