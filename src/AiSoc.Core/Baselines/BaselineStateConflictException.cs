namespace AiSoc.Core.Baselines;

/// <summary>
/// Another run saved the baseline state after this run loaded it. The caller loads the state again and repeats its
/// run on the newer state, because merging two learned states is not defined.
/// </summary>
public sealed class BaselineStateConflictException : Exception
{
    public BaselineStateConflictException()
    {
    }

    public BaselineStateConflictException(string message)
        : base(message)
    {
    }

    public BaselineStateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
