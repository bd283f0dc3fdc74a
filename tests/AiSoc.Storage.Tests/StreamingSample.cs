using System.Text.Json;
using AiSoc.Core.Normalizers.DefenderXdr;
using AiSoc.Core.Schema;

namespace AiSoc.Storage.Tests;

/// <summary>
/// Normalizes the rows of <c>samples/alerts/defender-xdr-streaming.json</c>: one <c>AlertInfo</c> row and three
/// <c>AlertEvidence</c> rows (machine, user, process) of one Defender XDR alert, each as its own Event Hubs event.
/// </summary>
internal static class StreamingSample
{
    public const string ProviderAlertId = "da638663582112004512_1870243312";

    /// <summary>Returns the normalized rows in file order; each call returns new objects.</summary>
    public static List<NormalizedAlert> Rows()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "alerts", "defender-xdr-streaming.json")));
        var normalizer = new AdvancedHuntingAlertNormalizer();
        var rows = new List<NormalizedAlert>();
        var records = document.RootElement.GetProperty("records");
        for (var index = 0; index < records.GetArrayLength(); index++)
        {
            // Each row is its own event with its own sequence number, as the streaming API sends them.
            var result = normalizer.Normalize(records[index], new RawRecordRef("alerts/0", 100 + index, Item: 0));
            rows.Add(Assert.Single(result.Alerts));
        }

        return rows;
    }

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
