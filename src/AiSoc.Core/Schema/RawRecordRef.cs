namespace AiSoc.Core.Schema;

/// <summary>
/// Where a record came from: the file, the zero-based index of the record in it, the line the record starts on
/// when known, and the zero-based item index when the record was a container such as <c>{"records":[...]}</c>.
/// </summary>
public sealed record RawRecordRef(string File, long Record, long? Line = null, int? Item = null);
