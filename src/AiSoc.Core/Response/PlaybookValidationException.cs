namespace AiSoc.Core.Response;

/// <summary>Raised at start-up when one or more playbook files are invalid; lists every problem found.</summary>
public sealed class PlaybookValidationException : Exception
{
    public PlaybookValidationException(IReadOnlyList<PlaybookError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public PlaybookValidationException()
        : this([])
    {
    }

    public PlaybookValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PlaybookValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<PlaybookError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<PlaybookError> errors) =>
        $"Invalid playbooks ({errors.Count} problem(s)):" + Environment.NewLine
        + string.Join(Environment.NewLine, errors.Select(error => "  " + error));
}
