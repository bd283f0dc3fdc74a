using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tuning.Reports;

/// <summary>The <c>proposals.json</c> file: when and over which period the proposals were made, and the proposals.</summary>
public sealed record ProposalsDocument
{
    public required DateTimeOffset GeneratedAt { get; init; }

    public DateTimeOffset? PeriodStart { get; init; }

    public DateTimeOffset? PeriodEnd { get; init; }

    public required IReadOnlyList<TuningProposal> Proposals { get; init; }

    internal static JsonSerializerOptions Options { get; } = new(OutputJson.Options) { WriteIndented = true };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    /// <summary>Reads a proposals file that <c>aisoc tune</c> wrote.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid proposals document.</exception>
    public static ProposalsDocument Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ProposalsDocument>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"Invalid proposals file {path}: expected a JSON object.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"Invalid proposals file {path}: {error.Message}", error);
        }
    }
}
