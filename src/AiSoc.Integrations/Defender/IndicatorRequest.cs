using System.Net;
using System.Text.RegularExpressions;

namespace AiSoc.Integrations.Defender;

/// <summary>The body of <c>POST /api/indicators</c>.</summary>
public sealed record IndicatorRequest
{
    public required string IndicatorValue { get; init; }

    /// <summary>FileSha1, FileSha256, FileMd5, IpAddress, DomainName or Url.</summary>
    public required string IndicatorType { get; init; }

    /// <summary>Block, BlockAndRemediate (files), Alert, Warn, Audit or Allowed.</summary>
    public required string Action { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>Informational, Low, Medium or High.</summary>
    public string Severity { get; init; } = "High";

    public bool GenerateAlert { get; init; } = true;

    public string? RecommendedActions { get; init; }
}

/// <summary>Checks an indicator against the limits Defender for Endpoint documents, before it is sent.</summary>
public static partial class IndicatorRules
{
    private static readonly string[] Types = ["FileSha1", "FileSha256", "FileMd5", "IpAddress", "DomainName", "Url"];
    private static readonly string[] Actions = ["Block", "BlockAndRemediate", "Alert", "Warn", "Audit", "Allowed"];

    /// <summary>Returns the problems of <paramref name="request"/>; empty when it may be sent.</summary>
    public static IReadOnlyList<string> Validate(IndicatorRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add("Indicator title is missing; Defender for Endpoint requires one.");
        }

        if (string.IsNullOrWhiteSpace(request.Description))
        {
            errors.Add("Indicator description is missing; Defender for Endpoint requires one.");
        }

        if (!Types.Contains(request.IndicatorType, StringComparer.Ordinal))
        {
            errors.Add($"Indicator type '{request.IndicatorType}' is invalid: use one of {string.Join(", ", Types)}.");
        }

        if (!Actions.Contains(request.Action, StringComparer.Ordinal))
        {
            errors.Add($"Indicator action '{request.Action}' is invalid: use one of {string.Join(", ", Actions)}.");
        }

        if (request.ExpirationTime is { } expiry && expiry <= now)
        {
            errors.Add($"Indicator expiration time {expiry:O} is in the past.");
        }

        var valueError = ValidateValue(request.IndicatorType, request.IndicatorValue);
        if (valueError is not null)
        {
            errors.Add(valueError);
        }

        return errors;
    }

    private static string? ValidateValue(string type, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Indicator value is missing.";
        }

        return type switch
        {
            "IpAddress" when value.Contains('/', StringComparison.Ordinal) =>
                $"Indicator value '{value}' is a CIDR range; Defender for Endpoint takes single IP addresses only.",
            "IpAddress" when !IPAddress.TryParse(value, out _) => $"Indicator value '{value}' is not an IP address.",
            "FileSha1" when !HexPattern(40).IsMatch(value) => $"Indicator value '{value}' is not a SHA-1 hash (40 hexadecimal characters).",
            "FileSha256" when !HexPattern(64).IsMatch(value) => $"Indicator value '{value}' is not a SHA-256 hash (64 hexadecimal characters).",
            "FileMd5" when !HexPattern(32).IsMatch(value) => $"Indicator value '{value}' is not an MD5 hash (32 hexadecimal characters).",
            "DomainName" when value.Contains('/', StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal) =>
                $"Indicator value '{value}' is not a domain name; wildcards and paths are not supported.",
            _ => null,
        };
    }

    /// <summary>Returns a pattern matching exactly <paramref name="length"/> hexadecimal characters.</summary>
    internal static Regex HexPattern(int length) => length switch
    {
        32 => Hex32(),
        40 => Hex40(),
        _ => Hex64(),
    };

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex Hex32();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex Hex40();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Hex64();
}
