using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AiSoc.Narratives.Rendering;

/// <summary>
/// Renders a narrative for display as escaped plain text with no links or markup, labelled by who wrote it, for
/// Markdown case reports and for Adaptive Card TextBlocks. Recommended steps outside the plan are dropped first.
/// </summary>
public static class NarrativeRenderer
{
    /// <summary>The label shown above every model-written narrative.</summary>
    public const string AiLabel = "AI-written summary; verify before acting";

    /// <summary>The label shown above every template narrative.</summary>
    public const string TemplateLabel = "Summary generated from the incident fields; no AI was used";

    private const int MaxParagraphLength = 4000;

    private const int MaxItemLength = 500;

    /// <summary>Renders <paramref name="narrative"/> as a Markdown section for a case report.</summary>
    /// <param name="plan">The policy's proposed actions. Recommended steps outside it are dropped.</param>
    public static string RenderMarkdown(InvestigationNarrative narrative, IReadOnlyList<ProposedAction> plan)
    {
        ArgumentNullException.ThrowIfNull(narrative);

        var steps = RecommendationFilter.Filter(narrative.RecommendedNextSteps, plan);
        var builder = new StringBuilder();
        builder.Append("### Investigation narrative\n\n");
        builder.Append("> **").Append(ReportMarkdownText.Escape(Label(narrative), MaxItemLength)).Append(".**");
        builder.Append(' ').Append(ReportMarkdownText.Escape(Provenance(narrative), MaxItemLength)).Append("\n\n");

        AppendParagraph(builder, "Summary", narrative.Summary);
        AppendParagraph(builder, "Timeline", narrative.TimelineNarrative);
        AppendParagraph(builder, "Why this verdict", narrative.VerdictRationale);

        builder.Append("**Recommended next steps:**\n\n");
        AppendList(builder, steps.Kept.Select(DescribeStep));
        if (steps.DroppedCount > 0)
        {
            builder.Append('_').Append(ReportMarkdownText.Escape(DroppedNote(steps.DroppedCount), MaxItemLength)).Append("_\n\n");
        }

        builder.Append("**Open questions:**\n\n");
        AppendList(builder, narrative.OpenQuestions);
        return builder.ToString();
    }

    /// <summary>Renders <paramref name="narrative"/> as an Adaptive Card (schema 1.5) whose TextBlocks carry escaped plain text.</summary>
    /// <param name="plan">The policy's proposed actions. Recommended steps outside it are dropped.</param>
    public static JsonObject RenderAdaptiveCard(InvestigationNarrative narrative, IReadOnlyList<ProposedAction> plan)
    {
        ArgumentNullException.ThrowIfNull(narrative);

        var steps = RecommendationFilter.Filter(narrative.RecommendedNextSteps, plan);
        var body = new JsonArray
        {
            TextBlock(Label(narrative), weight: "Bolder", color: narrative.IsAiWritten ? "Warning" : "Default"),
            TextBlock(Provenance(narrative), isSubtle: true),
            TextBlock("Summary", weight: "Bolder"),
            TextBlock(narrative.Summary),
            TextBlock("Timeline", weight: "Bolder"),
            TextBlock(narrative.TimelineNarrative),
            TextBlock("Why this verdict", weight: "Bolder"),
            TextBlock(narrative.VerdictRationale),
            TextBlock("Recommended next steps", weight: "Bolder"),
        };

        foreach (var step in steps.Kept)
        {
            body.Add(TextBlock("• " + DescribeStep(step)));
        }

        if (steps.DroppedCount > 0)
        {
            body.Add(TextBlock(DroppedNote(steps.DroppedCount), isSubtle: true));
        }

        body.Add(TextBlock("Open questions", weight: "Bolder"));
        foreach (var question in narrative.OpenQuestions)
        {
            body.Add(TextBlock("• " + question));
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
    }

    private static string Label(InvestigationNarrative narrative) => narrative.IsAiWritten ? AiLabel : TemplateLabel;

    private static string Provenance(InvestigationNarrative narrative)
    {
        if (narrative.IsAiWritten)
        {
            return $"Model: {narrative.ModelName ?? "unknown"}. The model can recommend, never approve or execute.";
        }

        return narrative.FallbackReason == NarrativeFallbackReason.NotConfigured
            ? "No model is configured."
            : $"The model's narrative was not used: {narrative.FallbackReason}.";
    }

    private static string DescribeStep(RecommendedStep step) =>
        string.IsNullOrWhiteSpace(step.ActionType)
            ? step.Text
            : $"{step.Text} (proposed action {step.ActionType} on {step.Target})";

    private static string DroppedNote(int count) => count == 1
        ? "1 recommendation outside the response plan was dropped."
        : string.Create(CultureInfo.InvariantCulture, $"{count} recommendations outside the response plan were dropped.");

    private static void AppendParagraph(StringBuilder builder, string heading, string text)
    {
        builder.Append("**").Append(heading).Append(":** ");
        builder.Append(ReportMarkdownText.Escape(DisplayText.Neutralize(text), MaxParagraphLength)).Append("\n\n");
    }

    private static void AppendList(StringBuilder builder, IEnumerable<string> items)
    {
        var any = false;
        foreach (var item in items)
        {
            builder.Append("- ").Append(ReportMarkdownText.Escape(DisplayText.Neutralize(item), MaxItemLength)).Append('\n');
            any = true;
        }

        builder.Append(any ? "\n" : "- None.\n\n");
    }

    private static JsonObject TextBlock(string text, string? weight = null, string? color = null, bool isSubtle = false)
    {
        var block = new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = AdaptiveCardText.Escape(DisplayText.Neutralize(text), MaxParagraphLength),
            ["wrap"] = true,
        };

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (isSubtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }
}
