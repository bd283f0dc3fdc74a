using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AiSoc.Core.Response;

/// <summary>
/// Loads and validates every playbook file (<c>*.yaml</c>, <c>*.yml</c>) of a folder at start-up. All problems of
/// all files are collected and raised together, each naming its file and field.
/// </summary>
public static class PlaybookLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Loads all playbooks of <paramref name="folder"/>, sorted by id.</summary>
    /// <exception cref="PlaybookValidationException">A file is unreadable or invalid, ids repeat, or the folder has no playbooks.</exception>
    public static PlaybookCatalog LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new PlaybookValidationException([new PlaybookError(folder, "", "Playbook folder not found.")]);
        }

        var files = Directory.EnumerateFiles(folder)
            .Where(IsPlaybookFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new PlaybookValidationException([new PlaybookError(folder, "", "No playbook files (*.yaml, *.yml) found.")]);
        }

        return LoadFiles(files.Select(file => (file, File.ReadAllText(file))));
    }

    /// <summary>Validates playbooks given as (file name, YAML text) pairs; the file name only labels errors.</summary>
    /// <exception cref="PlaybookValidationException">A file is invalid or ids repeat.</exception>
    public static PlaybookCatalog LoadFiles(IEnumerable<(string File, string Text)> files)
    {
        var errors = new List<PlaybookError>();
        var playbooks = new List<Playbook>();
        var firstFileById = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (file, text) in files)
        {
            var document = Parse(file, text, errors);
            if (document is null)
            {
                continue;
            }

            var playbook = PlaybookValidator.Validate(file, document, errors);
            if (playbook is null)
            {
                continue;
            }

            if (firstFileById.TryGetValue(playbook.Id, out var firstFile))
            {
                errors.Add(new PlaybookError(file, "id", $"Duplicate playbook id '{playbook.Id}'; it is already used in {firstFile}."));
                continue;
            }

            firstFileById[playbook.Id] = file;
            playbooks.Add(playbook);
        }

        if (errors.Count > 0)
        {
            throw new PlaybookValidationException(errors);
        }

        return new PlaybookCatalog([.. playbooks.OrderBy(playbook => playbook.Id, StringComparer.Ordinal)]);
    }

    private static PlaybookDocument? Parse(string file, string text, List<PlaybookError> errors)
    {
        try
        {
            var document = Deserializer.Deserialize<PlaybookDocument?>(text);
            if (document is null)
            {
                errors.Add(new PlaybookError(file, "", "The file is empty; expected a playbook mapping."));
            }

            return document;
        }
        catch (YamlException exception)
        {
            // YamlDotNet names unknown fields and type mismatches in the innermost exception.
            var detail = exception.InnerException?.Message ?? exception.Message;
            errors.Add(new PlaybookError(file, $"line {exception.Start.Line}, column {exception.Start.Column}", $"Invalid YAML: {detail}"));
            return null;
        }
    }

    private static bool IsPlaybookFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
