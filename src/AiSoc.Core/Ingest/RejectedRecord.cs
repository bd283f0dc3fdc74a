namespace AiSoc.Core.Ingest;

/// <summary>A record that did not become an alert or incident, and why.</summary>
/// <param name="File">The input file.</param>
/// <param name="Record">Zero-based record index in the file.</param>
/// <param name="Line">Line the record starts on, when the format has lines.</param>
/// <param name="Item">Zero-based index inside a container record such as a list response.</param>
/// <param name="Reason">What is wrong, naming the field when one field is at fault.</param>
/// <param name="Format">The format the record was recognized as, when one was.</param>
public sealed record RejectedRecord(string File, long Record, long? Line, int? Item, string Reason, string? Format = null);
