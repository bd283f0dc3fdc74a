namespace AiSoc.Core.Ingest;

/// <summary>Thrown by a normalizer when a record cannot become an alert; the record goes to the rejects list.</summary>
public sealed class InvalidRecordException : Exception
{
    public InvalidRecordException(string field, string message)
        : base($"field '{field}': {message}")
    {
        Field = field;
    }

    public InvalidRecordException()
    {
    }

    public InvalidRecordException(string message)
        : base(message)
    {
    }

    public InvalidRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The field at fault, as a path in the source record; null when the record as a whole is at fault.</summary>
    public string? Field { get; }
}
