using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Approvals;
using AiSoc.Investigations.Ports;

namespace AiSoc.Integrations.Teams;

/// <summary>
/// Builds the request body that the Teams workflow "Post to a channel when a webhook request is received" reads:
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":card}]}</c>.
/// </summary>
public static class TeamsWorkflowMessage
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private const int MaxMessageLength = 1000;

    /// <summary>
    /// Returns the UTF-8 body for <paramref name="notice"/>: its Adaptive Card byte for byte, or for a notice without one,
    /// the card of <see cref="TextCard"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The notice's card is not a JSON object.</exception>
    public static byte[] Create(InvestigationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);

        var card = notice.AdaptiveCard ?? TextCard(notice);
        RequireObject(card, notice);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "message");
            writer.WriteStartArray("attachments");
            writer.WriteStartObject();
            writer.WriteString("contentType", AdaptiveCardContentType);
            writer.WriteNull("contentUrl");

            // Written raw, so the card reaches Teams exactly as the card builder made it.
            writer.WritePropertyName("content");
            writer.WriteRawValue(card);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Builds a small Adaptive Card with a title from the notice kind, the message and the investigation id. The message
    /// and id can carry attacker-controlled text, so they go only into TextBlock text, passed through
    /// <see cref="CardText.Plain"/> so no Markdown link or URL survives, and never into a URL or action.
    /// </summary>
    public static string TextCard(InvestigationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);

        var body = new JsonArray
        {
            TextBlock(Title(notice.Kind), weight: "Bolder", size: "Medium"),
            TextBlock(CardText.Plain(notice.Message, MaxMessageLength)),
            TextBlock("Investigation: " + CardText.Plain(notice.InvestigationId, 120), subtle: true),
        };
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        return card.ToJsonString();
    }

    private static string Title(NoticeKind kind) => kind switch
    {
        NoticeKind.ApprovalRequested => "Approval requested",
        NoticeKind.ApprovalExpired => "Approval expired: no action was taken",
        NoticeKind.ActionUnverified => "Action not verified: please confirm",
        _ => "Investigation notice",
    };

    private static JsonObject TextBlock(string text, string? weight = null, string? size = null, bool subtle = false)
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

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    private static void RequireObject(string card, InvestigationNotice notice)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(card));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return;
            }
        }
        catch (JsonException)
        {
            // Reported below with the notice's ids.
        }

        throw new InvalidDataException(
            $"The Adaptive Card of the {notice.Kind} notice for investigation {notice.InvestigationId}, approval {notice.ApprovalId}, is not a JSON object.");
    }
}
