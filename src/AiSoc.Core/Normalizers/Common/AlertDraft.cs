using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Common;

/// <summary>
/// Collects the fields of one alert while a normalizer reads a record, validates them and builds the
/// <see cref="NormalizedAlert"/>. Problems with optional parts become warnings; missing required fields and
/// unreadable timestamps throw <see cref="InvalidRecordException"/> naming the field.
/// </summary>
public sealed class AlertDraft(string source, RawRecordRef raw)
{
    private static readonly char[] TacticSeparators = [',', ';'];
    private static readonly char[] TechniqueSeparators = [',', ';', ' '];

    private readonly List<string> _tactics = [];
    private readonly List<string> _techniques = [];
    private readonly List<Entity> _entities = [];
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, string> _extra = new(StringComparer.Ordinal);

    public string? ProductName { get; set; }

    public string? ProviderAlertId { get; set; }

    public string? ProviderIncidentId { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public Severity Severity { get; set; }

    public string? Status { get; set; }

    public string? DetectorId { get; set; }

    public string? Category { get; set; }

    public string? DetectionSource { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? FirstActivityAt { get; set; }

    public DateTimeOffset? LastActivityAt { get; set; }

    public DateTimeOffset? LastUpdatedAt { get; set; }

    public IReadOnlyList<Entity> Entities => _entities;

    /// <summary>Parses an optional timestamp; a present but unreadable value rejects the record.</summary>
    public static DateTimeOffset? Time(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (!UtcTimestamp.TryParse(text, out var value))
        {
            throw new InvalidRecordException(field, UtcTimestamp.DescribeInvalid(text));
        }

        return value;
    }

    /// <summary>Adds tactics, splitting comma-separated lists; unknown names become warnings.</summary>
    public void AddTactics(string? text, string field)
    {
        if (text is null)
        {
            return;
        }

        foreach (var part in text.Split(TacticSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (AttackIds.TryNormalizeTactic(part, out var tactic))
            {
                AddDistinct(_tactics, tactic);
            }
            else if (!part.Equals("unknown", StringComparison.OrdinalIgnoreCase))
            {
                _warnings.Add($"{field}: ignored unknown ATT&CK tactic '{Clip(part)}'");
            }
        }
    }

    /// <summary>Adds technique ids, splitting comma-separated lists; invalid ids become warnings.</summary>
    public void AddTechniques(string? text, string field)
    {
        if (text is null)
        {
            return;
        }

        foreach (var part in text.Split(TechniqueSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (AttackIds.TryNormalizeTechnique(part, out var technique))
            {
                AddDistinct(_techniques, technique);
            }
            else
            {
                _warnings.Add($"{field}: ignored invalid ATT&CK technique id '{Clip(part)}'");
            }
        }
    }

    /// <summary>Adds an entity; a null entity is dropped with a warning that names the field.</summary>
    public void AddEntity(Entity? entity, string field, string kind)
    {
        if (entity is null)
        {
            _warnings.Add($"{field}: dropped {kind} entity without a usable identifier");
            return;
        }

        if (!_entities.Contains(entity))
        {
            _entities.Add(entity);
        }
    }

    /// <summary>Adds an IP entity; text that is not an IP address is dropped with a warning.</summary>
    public void AddIp(string? text, string field, EntityRole? role = null)
    {
        if (text is null)
        {
            return;
        }

        var ip = EntityFactory.Ip(text, role);
        if (ip is null)
        {
            _warnings.Add($"{field}: dropped ip entity, '{Clip(text)}' is not an IP address");
            return;
        }

        AddEntity(ip, field, "ip");
    }

    /// <summary>Records a problem that did not reject the alert.</summary>
    public void Warn(string message) => _warnings.Add(message);

    /// <summary>Keeps a product-specific field as text.</summary>
    public void SetExtra(string name, string? value)
    {
        if (value is not null)
        {
            _extra[name] = value;
        }
    }

    /// <summary>Validates the required fields and builds the alert.</summary>
    public NormalizedAlert Build(string providerAlertIdField, string titleField, string createdField)
    {
        if (ProviderAlertId is null)
        {
            throw new InvalidRecordException(providerAlertIdField, "missing provider alert id");
        }

        if (Title is null)
        {
            throw new InvalidRecordException(titleField, "missing alert title");
        }

        var created = CreatedAt ?? FirstActivityAt
            ?? throw new InvalidRecordException(createdField, "missing alert creation time");

        var pool = ValuePool.Shared;
        return new NormalizedAlert
        {
            Id = StableIds.ForAlert(ProviderAlertId),
            Source = source,
            ProductName = pool.Share(ProductName),
            ProviderAlertId = ProviderAlertId,
            ProviderIncidentId = ProviderIncidentId,
            Title = pool.Share(Title)!,
            Description = pool.Share(Description),
            Severity = Severity,
            Status = pool.Share(Status),
            DetectorId = pool.Share(DetectorId),
            Category = pool.Share(Category),
            DetectionSource = pool.Share(DetectionSource),
            CreatedAt = created,
            FirstActivityAt = FirstActivityAt,
            LastActivityAt = LastActivityAt,
            LastUpdatedAt = LastUpdatedAt,
            Tactics = pool.Share(_tactics),
            Techniques = pool.Share(_techniques),
            Entities = _entities.ConvertAll(pool.Share).ToArray(),
            Extra = ShareExtra(pool),
            Warnings = _warnings.Count == 0 ? [] : _warnings.ToArray(),
            Raw = raw,
        };
    }

    private Dictionary<string, string> ShareExtra(ValuePool pool)
    {
        var extra = new Dictionary<string, string>(_extra.Count, StringComparer.Ordinal);
        foreach (var (name, value) in _extra)
        {
            extra[pool.Share(name)!] = pool.Share(value)!;
        }

        return extra;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
