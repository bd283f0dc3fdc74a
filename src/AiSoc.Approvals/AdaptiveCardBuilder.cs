using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Core.Response;
using AiSoc.Core.Schema;

namespace AiSoc.Approvals;

/// <summary>
/// Builds the Adaptive Card 1.5 JSON that announces an approval request. The card has exactly one link, an
/// <c>Action.OpenUrl</c> to the approval page; deciding happens there, after sign-in, never on the card.
/// </summary>
public static class AdaptiveCardBuilder
{
    private const int MaxEvidenceLines = 5;

    /// <exception cref="ArgumentException">The approval page URL is not absolute HTTPS.</exception>
    public static string Build(ApprovalCardContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.ApprovalPageUrl.IsAbsoluteUri || content.ApprovalPageUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Approval page URL '{content.ApprovalPageUrl}' must be an absolute https URL.", nameof(content));
        }

        var request = content.Request;
        var body = new JsonArray
        {
            TextBlock("Approval needed: " + CardText.Plain(content.IncidentTitle), weight: "Bolder", size: "Medium"),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    Fact("Verdict", VerdictName(content.Verdict)),
                    Fact("Confidence", content.Confidence is { } confidence ? confidence.ToString("0.00", CultureInfo.InvariantCulture) : "unknown"),
                    Fact("Plan", PlanHasher.Shorten(request.PlanHash)),
                    Fact("Expires (UTC)", request.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                },
            },
            TextBlock("Evidence", weight: "Bolder"),
        };

        foreach (var line in content.Evidence.Take(MaxEvidenceLines))
        {
            body.Add(TextBlock("• " + CardText.Plain(line)));
        }

        body.Add(TextBlock("Proposed actions", weight: "Bolder"));
        foreach (var action in request.Actions)
        {
            var text = $"{ActionCatalog.Name(action.Type)} on {action.TargetKind} {CardText.Plain(action.TargetDisplayName, 120)} (impact {action.Impact.ToString().ToLowerInvariant()})";
            body.Add(TextBlock("• " + text));
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = body,
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Action.OpenUrl",
                    ["title"] = "Review and decide",
                    ["url"] = content.ApprovalPageUrl.AbsoluteUri,
                },
            },
        };
        return card.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject TextBlock(string text, string? weight = null, string? size = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Benign => "benign",
        Verdict.Suspicious => "suspicious",
        Verdict.Malicious => "malicious",
        _ => "needs-context",
    };
}
