namespace AiSoc.Core.Tuning.Outcomes;

/// <summary>A case record or labelled export could not be read; the message names the file, record and field.</summary>
public sealed class OutcomeReadException : Exception
{
    public OutcomeReadException(string message)
        : base(message)
    {
    }

    public OutcomeReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutcomeReadException()
    {
    }

    /// <summary>Creates the error for one field of one record.</summary>
    public static OutcomeReadException ForField(string file, long line, string field, string problem) =>
        new($"{file}:{line}: field '{field}': {problem}");
}
