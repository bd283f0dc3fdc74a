namespace AiSoc.Learning.Tests.Support;

/// <summary>Locates the hand-written labelled tenant export in <c>samples/labelled-tenant</c>.</summary>
internal static class TenantSample
{
    /// <summary>Incidents and alerts with a verdict a person set.</summary>
    public const int HumanLabelledAlerts = 58;

    /// <summary>Incidents closed by an automation rule or a playbook app, one alert each.</summary>
    public const int AutomaticVerdicts = 3;

    /// <summary>One Undetermined incident and one active incident, one alert each.</summary>
    public const int Unlabelled = 2;

    public static string Folder => Path.Combine(RepositoryRoot(), "samples", "labelled-tenant");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("AiSoc.sln not found above the test binaries.");
    }
}
