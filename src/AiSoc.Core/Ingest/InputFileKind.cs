namespace AiSoc.Core.Ingest;

/// <summary>How a file's bytes are split into records.</summary>
public enum InputFileKind
{
    /// <summary>One JSON value per line; a bad line is rejected alone.</summary>
    Ndjson,

    /// <summary>A JSON array (streamed element by element), or one or more concatenated JSON values.</summary>
    JsonValues,

    /// <summary>A CSV export with a header row.</summary>
    Csv,

    /// <summary>Content in none of the formats above.</summary>
    Unknown,
}
