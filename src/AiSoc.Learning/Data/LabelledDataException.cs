namespace AiSoc.Learning.Data;

/// <summary>A labelled data file is missing, unreadable or has an invalid row; the message names the file, line and field.</summary>
public sealed class LabelledDataException : Exception
{
    public LabelledDataException()
    {
    }

    public LabelledDataException(string message)
        : base(message)
    {
    }

    public LabelledDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
