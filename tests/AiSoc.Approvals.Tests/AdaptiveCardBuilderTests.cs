using System.Text.Json;
using AiSoc.Core.Schema;

namespace AiSoc.Approvals.Tests;

public class AdaptiveCardBuilderTests
{
    private static readonly Uri ApprovalUrl = new("https://aisoc.contoso.com/approvals/appr-1");

    [Fact]
    public void Build_Card_IsVersion15WithOneOpenUrl()
    {
        using var card = JsonDocument.Parse(AdaptiveCardBuilder.Build(Content("Impossible travel", [])));

        var root = card.RootElement;
        Assert.Equal("AdaptiveCard", root.GetProperty("type").GetString());
        Assert.Equal("1.5", root.GetProperty("version").GetString());
        var action = Assert.Single(root.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal(ApprovalUrl.AbsoluteUri, action.GetProperty("url").GetString());
    }

    [Fact]
    public void Build_Card_ShowsShortHashVerdictAndActions()
    {
        var json = AdaptiveCardBuilder.Build(Content("Impossible travel", ["sign-in from two countries"]));

        var request = ApprovalRequest.FromEvaluation("appr-1", ApprovalFixtures.Evaluation(), ApprovalFixtures.Now);
        Assert.Contains(request.PlanHash[..12], json, StringComparison.Ordinal);
        Assert.DoesNotContain(request.PlanHash, json, StringComparison.Ordinal);
        Assert.Contains("malicious", json, StringComparison.Ordinal);
        Assert.Contains("0.93", json, StringComparison.Ordinal);
        Assert.Contains("disable-user on account", json, StringComparison.Ordinal);
        Assert.Contains("impact high", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Click [here](https://evil.example/login) now")]
    [InlineData("Visit https://evil.example/x or www.evil.example")]
    [InlineData("<a href=\"http://evil.example\">x</a>")]
    [InlineData("ftp://files.evil.example/payload")]
    public void Build_LinksInAlertText_NoOtherLink(string hostile)
    {
        var json = AdaptiveCardBuilder.Build(Content(hostile, [hostile], displayName: hostile));

        using var card = JsonDocument.Parse(json);
        var texts = Strings(card.RootElement).Where(text => text != ApprovalUrl.AbsoluteUri).ToList();
        Assert.DoesNotContain(texts, text => text.Contains("://", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("](", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("evil.example", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("<a", StringComparison.Ordinal));
        Assert.Single(texts.Concat([ApprovalUrl.AbsoluteUri]), text => text.Contains("https", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Build_HttpApprovalUrl_Throws()
    {
        var content = Content("x", []) with { ApprovalPageUrl = new Uri("http://aisoc.contoso.com/approvals/appr-1") };

        Assert.Throws<ArgumentException>(() => AdaptiveCardBuilder.Build(content));
    }

    [Fact]
    public void Plain_ControlCharacters_BecomeSpaces()
    {
        Assert.Equal("a b", CardText.Plain("a\nb"));
    }

    private static ApprovalCardContent Content(string title, string[] evidence, string displayName = "Alice Smith") => new()
    {
        Request = ApprovalRequest.FromEvaluation("appr-1", ApprovalFixtures.Evaluation(displayName), ApprovalFixtures.Now),
        IncidentTitle = title,
        Verdict = Verdict.Malicious,
        Confidence = 0.93,
        Evidence = evidence,
        ApprovalPageUrl = ApprovalUrl,
    };

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var text in Strings(property.Value))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Strings(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }
}
