namespace AiSoc.Core.Schema;

/// <summary>A file, identified by hashes where the source gives them.</summary>
public sealed record FileEntity() : Entity("file")
{
    public string? Name { get; init; }

    /// <summary>Directory that contains the file.</summary>
    public string? Path { get; init; }

    public string? Sha1 { get; init; }

    public string? Sha256 { get; init; }

    public string? Md5 { get; init; }

    public override IEnumerable<EntityKey> GetKeys()
    {
        if (Sha256 is not null)
        {
            yield return new EntityKey("file:sha256:" + Sha256.ToLowerInvariant(), true);
        }

        if (Sha1 is not null)
        {
            yield return new EntityKey("file:sha1:" + Sha1.ToLowerInvariant(), false);
        }
    }
}

/// <summary>A process instance.</summary>
public sealed record ProcessEntity() : Entity("process")
{
    /// <summary>Process id as the source wrote it (decimal, or hexadecimal with 0x in Sentinel).</summary>
    public string? ProcessId { get; init; }

    public string? CommandLine { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Name of the image file, such as <c>cmd.exe</c>.</summary>
    public string? ImageFileName { get; init; }

    public string? ImageFilePath { get; init; }

    public string? ParentProcessId { get; init; }

    public string? ParentImageFileName { get; init; }

    public override IEnumerable<EntityKey> GetKeys() => [];
}
