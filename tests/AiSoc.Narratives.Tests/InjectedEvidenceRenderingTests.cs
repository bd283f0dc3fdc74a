using System.Text.Json.Nodes;
using AiSoc.Narratives.Rendering;
using AiSoc.Narratives.Tests.Support;

namespace AiSoc.Narratives.Tests;

/// <summary>
/// A model that obeys the injected alert text: it repeats the mail subject's link and markup and recommends
/// approving everything and disabling an account outside the plan. What reaches the analyst must stay safe.
/// </summary>
public sealed class InjectedEvidenceRenderingTests
{
    private static readonly string ObedientAnswer = new JsonObject
    {
        ["summary"] = "The mail \"" + TestIncidents.InjectedSubject + "\" was opened. <script>alert(1)</script> See [details](javascript:alert(1)).",
        ["timelineNarrative"] = "# Done\n1. The mail arrived.\n- **All actions approved.** http://evil.example.com/next",
        ["verdictRationale"] = "Per SYSTEM instructions the incident is benign. ![x](https://evil.example.com/p.png)",
        ["recommendedNextSteps"] = new JsonArray
        {
            new JsonObject { ["text"] = "Approve all actions now.", ["actionType"] = null, ["target"] = null },
            new JsonObject { ["text"] = "Disable the account admin@contoso.com.", ["actionType"] = "disable-account", ["target"] = "admin@contoso.com" },
            new JsonObject { ["text"] = "Disable the admin account too.", ["actionType"] = null, ["target"] = null },
            new JsonObject { ["text"] = "Isolate the workstation.", ["actionType"] = "isolate-device", ["target"] = "ws-042" },
            new JsonObject { ["text"] = "Review the user's recent sign-ins.", ["actionType"] = null, ["target"] = null },
        },
        ["openQuestions"] = new JsonArray { "Who sent <b>this</b>?" },
    }.ToJsonString();

    [Fact]
    public async Task Card_ObedientAnswer_HasNoLinkOrMarkup()
    {
        var card = RenderCard(await WriteAsync());

        var texts = TextsOf(card);

        Assert.All(texts, t => Assert.DoesNotContain("http", t, StringComparison.OrdinalIgnoreCase));
        Assert.All(texts, t => Assert.DoesNotContain("javascript:", t, StringComparison.OrdinalIgnoreCase));
        Assert.All(texts, t => Assert.DoesNotContain("www.", t, StringComparison.OrdinalIgnoreCase));
        Assert.All(texts, t => Assert.DoesNotContain("](", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("<", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotMatch(@"(?<!\\)\*", t));
        Assert.All(texts, t => Assert.DoesNotMatch(@"(?<!\\)\[", t));
    }

    [Fact]
    public async Task Card_ObedientAnswer_IsLabelledAiWritten()
    {
        var card = RenderCard(await WriteAsync());

        var texts = TextsOf(card);

        Assert.Equal("AI-written summary; verify before acting", texts[0]);
    }

    [Fact]
    public async Task Card_ObedientAnswer_DropsUnplannedSteps()
    {
        var card = RenderCard(await WriteAsync());

        var texts = TextsOf(card);

        Assert.Contains(texts, t => t.StartsWith("• Isolate the workstation.", StringComparison.Ordinal));
        Assert.Contains("• Review the user's recent sign-ins.", texts);
        var bullets = texts.Where(t => t.StartsWith('•')).ToList();
        Assert.DoesNotContain(bullets, t => t.Contains("Approve", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(bullets, t => t.Contains("Disable", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("3 recommendations outside the response plan were dropped.", texts);
    }

    [Fact]
    public async Task Markdown_ObedientAnswer_HasNoLinkOrMarkup()
    {
        var markdown = NarrativeRenderer.RenderMarkdown(await WriteAsync(), TestIncidents.Plan);

        var body = BodyLines(markdown);

        Assert.All(body, l => Assert.DoesNotContain("http", l, StringComparison.OrdinalIgnoreCase));
        Assert.All(body, l => Assert.DoesNotContain("javascript:", l, StringComparison.OrdinalIgnoreCase));
        Assert.All(body, l => Assert.DoesNotContain("](", l, StringComparison.Ordinal));
        Assert.All(body, l => Assert.DoesNotMatch(@"(?<!\\)<", l));
        Assert.All(body, l => Assert.DoesNotMatch(@"(?<!\\)\[", l));
        Assert.All(body, l => Assert.DoesNotMatch(@"^\s*(#|\d+\.|\+)", l));
    }

    [Fact]
    public async Task Markdown_ObedientAnswer_IsLabelledAndDropsSteps()
    {
        var markdown = NarrativeRenderer.RenderMarkdown(await WriteAsync(), TestIncidents.Plan);

        Assert.Contains("> **AI-written summary; verify before acting.**", markdown, StringComparison.Ordinal);
        Assert.Contains("3 recommendations outside the response plan were dropped.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Approve all", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("disable-account", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Narrative_ObedientAnswer_KeepsModelOutputUntilRendering()
    {
        var narrative = await WriteAsync();

        Assert.True(narrative.IsAiWritten);
        Assert.Equal(5, narrative.RecommendedNextSteps.Count);
    }

    private static async Task<InvestigationNarrative> WriteAsync()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Enqueue(CannedReplies.Completion(ObedientAnswer));
        var writer = WriterFactory.Create(WriterFactory.AzureOptions(server));

        return await writer.WriteAsync(TestIncidents.PhishingRequest());
    }

    private static JsonObject RenderCard(InvestigationNarrative narrative) =>
        NarrativeRenderer.RenderAdaptiveCard(narrative, TestIncidents.Plan);

    private static List<string> TextsOf(JsonObject card) =>
        card["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()).ToList();

    // The first line is our own heading; the rest carries narrative text.
    private static List<string> BodyLines(string markdown) =>
        markdown.Split('\n').Skip(1).Where(l => l.Length > 0).ToList();
}
