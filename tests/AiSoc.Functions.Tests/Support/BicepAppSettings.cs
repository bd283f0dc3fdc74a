using System.Text.RegularExpressions;

namespace AiSoc.Functions.Tests.Support;

/// <summary>
/// Reads the app setting names that infra/app/functions.bicep defines. Each setting is a one-line <c>{ name: '…', value: … }</c>
/// entry in one of its setting lists, so a source scan finds them all, including the ones behind a condition, which
/// the compiled template only contains as expressions.
/// </summary>
internal static partial class BicepAppSettings
{
    public const string RelativePath = "infra/app/functions.bicep";

    public static IReadOnlySet<string> Names { get; } = Read();

    private static HashSet<string> Read()
    {
        var bicep = File.ReadAllText(RepositoryFiles.PathOf(RelativePath));
        var names = SettingName().Matches(bicep).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        // The allowed webhook client ids are generated with an index: IncidentWebhook__Authentication__AllowedApplicationIds__${index}.
        foreach (Match match in IndexedSettingName().Matches(bicep))
        {
            names.Add(match.Groups[1].Value + "0");
        }

        return names;
    }

    [GeneratedRegex(@"\{\s*name:\s*'([A-Za-z0-9_]+)',\s*value:")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"name:\s*'([A-Za-z0-9_]+__)\$\{index\}'")]
    private static partial Regex IndexedSettingName();
}
