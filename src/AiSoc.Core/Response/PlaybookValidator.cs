using System.Text.RegularExpressions;
using System.Xml;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Response;

// Turns a raw playbook document into a Playbook, adding one error per invalid field. The rules mirror
// playbooks/playbook.schema.json; this code is what the service enforces at start-up.
internal static partial class PlaybookValidator
{
    private static readonly TimeSpan MaxApprovalTimeout = TimeSpan.FromDays(7);

    private static readonly string[] MatchKinds =
        ["account", "host", "ip", "url", "domain", "file", "process", "mailbox", "mail-message", "cloud-application", "azure-resource", "registry", "malware"];

    public static Playbook? Validate(string file, PlaybookDocument document, List<PlaybookError> errors)
    {
        var errorCount = errors.Count;

        var id = RequireName(file, "id", document.Id, errors);
        var name = RequireText(file, "name", document.Name, errors);
        var match = ValidateMatch(file, document.Match, errors);
        var enrichments = ValidateEnrichments(file, document.Enrichments, errors);
        var actions = ValidateActions(file, document.Actions, errors);

        if (errors.Count > errorCount)
        {
            return null;
        }

        return new Playbook
        {
            Id = id!,
            Name = name!,
            Description = document.Description?.Trim(),
            SourceFile = file,
            Match = match!,
            Enrichments = enrichments,
            Actions = actions,
        };
    }

    private static PlaybookMatch? ValidateMatch(string file, PlaybookMatchDocument? match, List<PlaybookError> errors)
    {
        if (match is null)
        {
            errors.Add(new PlaybookError(file, "match", "Missing required field; a playbook must say which incidents it applies to."));
            return null;
        }

        var detectorIds = Clean(match.DetectorIds);
        var techniques = Clean(match.Techniques);
        var tactics = Clean(match.Tactics);
        var sources = Clean(match.Sources);
        var entityKinds = Clean(match.EntityKinds);

        if (detectorIds.Count + techniques.Count + tactics.Count + sources.Count + entityKinds.Count == 0)
        {
            errors.Add(new PlaybookError(file, "match", "Set at least one of detectorIds, techniques, tactics, sources or entityKinds; an empty match would apply the playbook to every incident."));
        }

        for (var i = 0; i < techniques.Count; i++)
        {
            if (!TechniquePattern().IsMatch(techniques[i]))
            {
                errors.Add(new PlaybookError(file, $"match.techniques[{i}]", $"Invalid ATT&CK technique id '{techniques[i]}'; expected a form such as T1110 or T1110.003."));
            }
        }

        for (var i = 0; i < entityKinds.Count; i++)
        {
            if (!MatchKinds.Contains(entityKinds[i], StringComparer.Ordinal))
            {
                errors.Add(new PlaybookError(file, $"match.entityKinds[{i}]", $"Unknown entity kind '{entityKinds[i]}'; expected one of {string.Join(", ", MatchKinds)}."));
            }
        }

        var minimumVerdict = Verdict.Suspicious;
        if (match.MinimumVerdict is not null && !TryParseVerdict(match.MinimumVerdict, out minimumVerdict))
        {
            errors.Add(new PlaybookError(file, "match.minimumVerdict", $"Unknown verdict '{match.MinimumVerdict}'; expected benign, suspicious, malicious or needs-context."));
        }

        return new PlaybookMatch
        {
            DetectorIds = detectorIds,
            Techniques = techniques,
            Tactics = tactics,
            Sources = sources,
            EntityKinds = entityKinds,
            MinimumVerdict = minimumVerdict,
        };
    }

    private static List<string> ValidateEnrichments(string file, List<string>? enrichments, List<PlaybookError> errors)
    {
        var names = Clean(enrichments);
        for (var i = 0; i < names.Count; i++)
        {
            if (!NamePattern().IsMatch(names[i]))
            {
                errors.Add(new PlaybookError(file, $"enrichments[{i}]", $"Invalid enrichment name '{names[i]}'; use lower-case letters, digits and hyphens."));
            }
        }

        return names;
    }

    private static List<PlaybookAction> ValidateActions(string file, List<PlaybookActionDocument>? actions, List<PlaybookError> errors)
    {
        if (actions is null || actions.Count == 0)
        {
            errors.Add(new PlaybookError(file, "actions", "Missing required field; a playbook must propose at least one action."));
            return [];
        }

        var result = new List<PlaybookAction>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = PlaybookActionValidator.Validate(file, $"actions[{i}]", actions[i], errors);
            if (action is null)
            {
                continue;
            }

            if (!seenIds.Add(action.Id))
            {
                errors.Add(new PlaybookError(file, $"actions[{i}].id", $"Duplicate action id '{action.Id}' in this playbook."));
                continue;
            }

            result.Add(action);
        }

        return result;
    }

    internal static string? RequireName(string file, string field, string? value, List<PlaybookError> errors)
    {
        var text = RequireText(file, field, value, errors);
        if (text is not null && !NamePattern().IsMatch(text))
        {
            errors.Add(new PlaybookError(file, field, $"Invalid value '{text}'; use lower-case letters, digits and hyphens, starting with a letter or digit."));
            return null;
        }

        return text;
    }

    internal static string? RequireText(string file, string field, string? value, List<PlaybookError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new PlaybookError(file, field, "Missing required field."));
            return null;
        }

        return value.Trim();
    }

    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        try
        {
            duration = XmlConvert.ToTimeSpan(text.Trim());
            return duration > TimeSpan.Zero && duration <= MaxApprovalTimeout;
        }
        catch (FormatException)
        {
            duration = TimeSpan.Zero;
            return false;
        }
    }

    private static bool TryParseVerdict(string text, out Verdict verdict)
    {
        (var ok, verdict) = text.Trim() switch
        {
            "benign" => (true, Verdict.Benign),
            "suspicious" => (true, Verdict.Suspicious),
            "malicious" => (true, Verdict.Malicious),
            "needs-context" => (true, Verdict.NeedsContext),
            _ => (false, Verdict.Suspicious),
        };
        return ok;
    }

    private static List<string> Clean(List<string>? values) =>
        values is null ? [] : [.. values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim())];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^T\d{4}(\.\d{3})?$")]
    private static partial Regex TechniquePattern();
}
