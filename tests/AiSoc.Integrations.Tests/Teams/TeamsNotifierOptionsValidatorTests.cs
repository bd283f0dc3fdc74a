using AiSoc.Integrations.Teams;

namespace AiSoc.Integrations.Tests.Teams;

public sealed class TeamsNotifierOptionsValidatorTests
{
    private const string SignedUrl = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SecretSig42";

    [Fact]
    public void Validate_ValidOptions_Succeeds()
    {
        var result = Validate(Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_MissingWebhookUrl_NamesSetting()
    {
        var options = Valid();
        options.WebhookUrl = null;

        var result = Validate(options);

        Assert.Equal(
            "Notifications:Teams:WebhookUrl is missing. Set it to the HTTP URL of the Teams workflow \"Post to a channel when a webhook request is received\".",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_HttpWebhookUrl_RejectsWithoutShowingUrl()
    {
        var options = Valid();
        options.WebhookUrl = new Uri(SignedUrl.Replace("https://", "http://", StringComparison.Ordinal));

        var result = Validate(options);

        var failure = Assert.Single(result.Failures!);
        Assert.Equal("Notifications:Teams:WebhookUrl is invalid: use an absolute https URL. The value is not shown because it contains the workflow signature.", failure);
        Assert.DoesNotContain("SecretSig42", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidChannelUrl_NamesRecipient()
    {
        var options = Valid();
        options.Channels["soc-tier2"] = new Uri("ftp://files.example.com/x?sig=SecretSig42");

        var result = Validate(options);

        Assert.Equal(
            "Notifications:Teams:Channels:soc-tier2 is invalid: use an absolute https URL. The value is not shown because it contains the workflow signature.",
            Assert.Single(result.Failures!));
    }

    [Theory]
    [InlineData("00:00:00", "Notifications:Teams:Timeout 00:00:00 is invalid: use more than 00:00:00 and at most 00:05:00.")]
    [InlineData("00:10:00", "Notifications:Teams:Timeout 00:10:00 is invalid: use more than 00:00:00 and at most 00:05:00.")]
    public void Validate_TimeoutOutOfRange_Rejects(string timeout, string expected)
    {
        var options = Valid();
        options.Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);

        var result = Validate(options);

        Assert.Equal(expected, Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_TooManyRetries_Rejects()
    {
        var options = Valid();
        options.MaxRetries = 11;

        var result = Validate(options);

        Assert.Equal("Notifications:Teams:MaxRetries 11 is invalid: use 0 to 10.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_BaseDelayAboveMaxDelay_Rejects()
    {
        var options = Valid();
        options.RetryBaseDelay = TimeSpan.FromMinutes(2);

        var result = Validate(options);

        Assert.Equal("Notifications:Teams:RetryBaseDelay 00:02:00 is invalid: use 00:00:00 up to MaxRetryDelay (00:01:00).", Assert.Single(result.Failures!));
    }

    private static TeamsNotifierOptions Valid() => new() { WebhookUrl = new Uri(SignedUrl) };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(TeamsNotifierOptions options) =>
        new TeamsNotifierOptionsValidator().Validate(null, options);
}
