using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Hosting;

/// <summary>Checks at start-up that exactly one way to reach table storage is configured.</summary>
public sealed class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var hasUri = options.TableServiceUri is not null;
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasUri == hasConnectionString)
        {
            return ValidateOptionsResult.Fail(
                "Invalid Storage settings: set exactly one of Storage:TableServiceUri (Azure, with a managed identity) and Storage:ConnectionString (Azurite).");
        }

        if (hasUri && options.TableServiceUri!.Scheme != Uri.UriSchemeHttps)
        {
            return ValidateOptionsResult.Fail($"Invalid Storage:TableServiceUri '{options.TableServiceUri}': expected an https address.");
        }

        return ValidateOptionsResult.Success;
    }
}
