namespace AiSoc.Core.Response;

/// <summary>A problem in a playbook file.</summary>
/// <param name="File">Path of the playbook file.</param>
/// <param name="Field">Path of the field inside the file, such as <c>actions[2].impact</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record PlaybookError(string File, string Field, string Message)
{
    public override string ToString() =>
        Field.Length == 0 ? $"{File}: {Message}" : $"{File}: {Field}: {Message}";
}
