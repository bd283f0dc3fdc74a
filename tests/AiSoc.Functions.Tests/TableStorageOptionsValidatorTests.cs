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
