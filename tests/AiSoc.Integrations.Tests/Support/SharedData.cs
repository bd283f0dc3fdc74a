namespace AiSoc.Integrations.Tests.Support;

/// <summary>
/// Locates the public security data set that tests read. It lives beside the repository in <c>../shared/data</c>;
/// the <c>AISOC_SHARED_DATA</c> environment variable points elsewhere. Tests fail rather than skip when it is missing,
/// because CI always provides it.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Returns the full path of a file under the data folder, such as <c>sentinel/x.json</c>.</summary>
    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(Root.Value, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"Shared test data not found: {path}", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("AISOC_SHARED_DATA") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
            }
        }

        throw new DirectoryNotFoundException("Could not find AiSoc.sln above the test binaries; set AISOC_SHARED_DATA.");
    }
}
