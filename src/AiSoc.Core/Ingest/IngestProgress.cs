namespace AiSoc.Core.Ingest;

/// <summary>Progress of a long ingest: records and input bytes processed so far.</summary>
public readonly record struct IngestProgress(long Records, long Bytes, string CurrentFile);
