namespace AiSoc.Core.Ingest;

/// <summary>Chooses the reader for a file from its content.</summary>
public static class InputReaders
{
    /// <summary>Streams the records of <paramref name="path"/> in batches.</summary>
    /// <exception cref="InputReadException">The file could not be opened or read.</exception>
    public static IEnumerable<RecordBatch> Read(string path)
    {
        InputFileKind kind;
        try
        {
            kind = InputFileSniffer.Sniff(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputReadException(path, error);
        }

        var batches = kind switch
        {
            InputFileKind.Ndjson => NdjsonReader.Read(path, path),
            InputFileKind.JsonValues => JsonValuesReader.Read(path, path),
            InputFileKind.Csv => CsvRecordReader.Read(path, path),
            _ => [new RecordBatch([new RawRecord(new(path, 0, 1), ReadOnlyMemory<byte>.Empty, "not JSON, NDJSON or CSV: the file could not be read as records")], 0)],
        };

        return Guard(path, batches);
    }

    private static IEnumerable<RecordBatch> Guard(string path, IEnumerable<RecordBatch> batches)
    {
        using var enumerator = batches.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new InputReadException(path, error);
            }

            yield return enumerator.Current;
        }
    }
}
