namespace AiSoc.Core.Ingest;

/// <summary>The files a triage run reads, and the files it passed over in the folders it was given.</summary>
public sealed record InputCatalog(IReadOnlyList<string> Files, IReadOnlyList<string> SkippedFiles)
{
    /// <summary>File name extensions read from folders. Files named explicitly are read whatever their extension.</summary>
    public static IReadOnlySet<string> FolderExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".json", ".ndjson", ".jsonl", ".csv" };

    /// <summary>
    /// Expands files and folders (recursively, in ordinal path order so runs are repeatable) into the files to read.
    /// Throws <see cref="FileNotFoundException"/> for a path that does not exist.
    /// </summary>
    public static InputCatalog Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    (FolderExtensions.Contains(Path.GetExtension(file)) ? files : skipped).Add(file);
                }
            }
            else
            {
                throw new FileNotFoundException($"Input path not found: {path}", path);
            }
        }

        return new InputCatalog(files.Distinct(StringComparer.Ordinal).ToList(), skipped);
    }
}
