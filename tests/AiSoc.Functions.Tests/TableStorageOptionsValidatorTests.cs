using AiSoc.Functions.Hosting;

namespace AiSoc.Functions.Tests;

public sealed class TableStorageOptionsValidatorTests
{
    private readonly TableStorageOptionsValidator _validator = new();

    [Fact]
    public void Validate_ConnectionStringOnly_Succeeds()
    {
        var result = _validator.Validate(null, new TableStorageOptions { ConnectionString = "UseDevelopmentStorage=true", TableServiceUri = "" });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("dev2")]
    public void Validate_ValidTablePrefix_Succeeds(string prefix)
    {
        var result = _validator.Validate(null, new TableStorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = prefix });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("2dev")]
    [InlineData("dev-2")]
    [InlineData("averyveryverylongprefix")]
    public void Validate_InvalidTablePrefix_FailsNamingSetting(string prefix)
    {
        var result = _validator.Validate(null, new TableStorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = prefix });

        Assert.Contains("Storage:TablePrefix", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NeitherSetting_FailsNamingBoth()
    {
        var result = _validator.Validate(null, new TableStorageOptions());

        Assert.Contains("Storage:TableServiceUri", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpServiceUri_Fails()
    {
        var result = _validator.Validate(null, new TableStorageOptions { TableServiceUri = "http://account.table.core.windows.net", ManagedIdentityClientId = "id" });

        Assert.Contains("https", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ServiceUriWithoutIdentity_FailsNamingSetting()
    {
        var result = _validator.Validate(null, new TableStorageOptions { TableServiceUri = "https://account.table.core.windows.net" });

        Assert.Contains("Storage:ManagedIdentityClientId", result.FailureMessage, StringComparison.Ordinal);
    }
}
