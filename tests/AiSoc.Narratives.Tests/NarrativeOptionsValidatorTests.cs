namespace AiSoc.Narratives.Tests;

public sealed class NarrativeOptionsValidatorTests
{
    private static NarrativeOptions ValidAzure() => new()
    {
        Provider = NarrativeProvider.AzureOpenAI,
        Endpoint = new Uri("https://contoso.openai.azure.com/"),
        Deployment = "gpt-4o",
        ApiKey = "key",
    };

    [Fact]
    public void Validate_ValidAzureOptions_ReturnsNoErrors()
    {
        var errors = NarrativeOptionsValidator.Validate(ValidAzure());

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_NoProvider_ReturnsNoErrors()
    {
        var errors = NarrativeOptionsValidator.Validate(new NarrativeOptions());

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_AzureWithoutEndpoint_NamesEndpoint()
    {
        var options = ValidAzure();
        options.Endpoint = null;

        var error = Assert.Single(NarrativeOptionsValidator.Validate(options));

        Assert.StartsWith("Narratives: Endpoint is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpRemoteEndpoint_IsInvalid()
    {
        var options = ValidAzure();
        options.Endpoint = new Uri("http://contoso.openai.azure.com/");

        var error = Assert.Single(NarrativeOptionsValidator.Validate(options));

        Assert.Contains("use https", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpLoopbackEndpoint_IsValid()
    {
        var options = ValidAzure();
        options.Endpoint = new Uri("http://127.0.0.1:5000/");

        var errors = NarrativeOptionsValidator.Validate(options);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_MissingDeploymentAndKey_ListsBoth()
    {
        var options = ValidAzure();
        options.Deployment = " ";
        options.ApiKey = null;

        var errors = NarrativeOptionsValidator.Validate(options);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Narratives: Deployment is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Narratives: ApiKey is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TokenCredentialWithOpenAI_IsInvalid()
    {
        var options = ValidAzure();
        options.Provider = NarrativeProvider.OpenAI;
        options.CredentialKind = NarrativeCredentialKind.TokenCredential;

        var error = Assert.Single(NarrativeOptionsValidator.Validate(options));

        Assert.Contains("TokenCredential is supported only with Provider AzureOpenAI", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(30, -1)]
    [InlineData(30, 6)]
    [InlineData(601, 1)]
    public void Validate_LimitsOutOfRange_AreInvalid(int timeoutSeconds, int maxRetries)
    {
        var options = ValidAzure();
        options.Timeout = TimeSpan.FromSeconds(timeoutSeconds);
        options.MaxRetries = maxRetries;

        var errors = NarrativeOptionsValidator.Validate(options);

        Assert.Single(errors);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsAtStartUp()
    {
        var options = ValidAzure();
        options.ApiKey = null;

        var exception = Assert.Throws<ArgumentException>(() => NarrativeChatClientFactory.Create(options));

        Assert.Contains("ApiKey is missing", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TokenCredentialWithoutCredential_Throws()
    {
        var options = ValidAzure();
        options.CredentialKind = NarrativeCredentialKind.TokenCredential;
        options.ApiKey = null;

        var exception = Assert.Throws<ArgumentException>(() => NarrativeChatClientFactory.Create(options));

        Assert.Contains("no token credential was supplied", exception.Message, StringComparison.Ordinal);
    }
}
