using AiSoc.Core.Response;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.Tests;

public sealed class TenantActionCatalogTests
{
    [Fact]
    public void Catalog_EveryTenantAction_HasEntryWithPermission()
    {
        var types = Enum.GetValues<ResponseActionType>().Where(type => type != ResponseActionType.ManualTask);

        foreach (var type in types)
        {
            var entry = TenantActionCatalog.Find(type);
            Assert.True(entry is not null, $"{type} has no catalogue entry.");
            Assert.NotEmpty(entry.RequiredPermissions);
            Assert.False(string.IsNullOrWhiteSpace(entry.Rollback), $"{type} has no rollback text.");
        }
    }

    [Fact]
    public void Catalog_ManualTask_HasNoEntry()
    {
        Assert.Null(TenantActionCatalog.Find(ResponseActionType.ManualTask));
    }

    [Theory]
    [InlineData("http://graph.example.com/v1.0")]
    [InlineData("http://10.0.0.5/v1.0")]
    public void GraphOptions_PlainHttpToNonLoopback_Rejected(string baseUrl)
    {
        var options = new GraphOptions { BaseUrl = new Uri(baseUrl) };

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("BaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void DefenderOptions_Defaults_Valid()
    {
        var result = new DefenderOptionsValidator().Validate(null, new DefenderOptions());

        Assert.Equal(ValidateOptionsResult.Success, result);
    }

    [Fact]
    public void DefenderOptions_QuotaAboveDocumentedMaximum_Rejected()
    {
        var result = new DefenderOptionsValidator().Validate(null, new DefenderOptions { MaxTenantIndicators = 20_000 });

        Assert.True(result.Failed);
        Assert.Contains("MaxTenantIndicators", result.FailureMessage, StringComparison.Ordinal);
    }
}
