using System.Text.Json;
using System.Text.RegularExpressions;
using AiSoc.Core.Output;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Stores;

/// <summary>
/// An <see cref="IInvestigationStore"/> with one JSON file per incident, in a subfolder per triage key:
/// <c>{folder}/{triageKey}/{incidentId}.json</c>.
/// </summary>
public sealed partial class FileInvestigationStore : IInvestigationStore
{
    private readonly string _folder;

    public FileInvestigationStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public async Task SaveAsync(string triageKey, StoredIncident incident, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);

        var path = PathOf(triageKey, incident.Incident.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write to a temporary file and move it, so a reader never sees half a file.
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, incident, OutputJson.Options, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="InvalidDataException">The stored file is not a valid incident; the message names the file.</exception>
    public async Task<StoredIncident?> GetAsync(string triageKey, string incidentId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(triageKey, incidentId);
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return await JsonSerializer.DeserializeAsync<StoredIncident>(stream, OutputJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Stored incident file {path} contains null; expected an object with incident and alerts.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Stored incident file {path} is invalid at {exception.Path}: {exception.Message}", exception);
        }
    }

    // Keys and incident ids become path segments, so only a safe character set may reach the file system.
    private string PathOf(string triageKey, string incidentId)
    {
        if (!SafeSegment().IsMatch(triageKey))
        {
            throw new ArgumentException($"Invalid triage key '{triageKey}'; expected 1 to 100 letters, digits, '.', '-' or '_'.", nameof(triageKey));
        }

        if (!SafeSegment().IsMatch(incidentId))
        {
            throw new ArgumentException($"Invalid incident id '{incidentId}'; expected 1 to 100 letters, digits, '.', '-' or '_'.", nameof(incidentId));
        }

        return Path.Combine(_folder, triageKey, incidentId + ".json");
    }

    [GeneratedRegex("^(?!\\.)[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex SafeSegment();
}
