namespace AiSoc.Core.Tuning.Suppressions;

/// <summary>A suppression could not be applied; the message names the proposal or file and the reason.</summary>
public sealed class SuppressionException : Exception
{
    public SuppressionException(string message)
        : base(message)
    {
    }

    public SuppressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SuppressionException()
    {
    }
}
