namespace AiSoc.Functions.Tests.Support;

/// <summary>Locates files of this repository, such as samples and infra, from the test output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AiSoc.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"AiSoc.sln not found above {AppContext.BaseDirectory}; run the tests from a repository checkout.");
    }
}
