using AiSoc.Storage;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Hosting;

/// <summary>Checks at start-up that exactly one way to reach table storage is configured.</summary>
public sealed class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var hasUri = !string.IsNullOrWhiteSpace(options.TableServiceUri);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasUri == hasConnectionString)
        {
            return ValidateOptionsResult.Fail(
                "Invalid Storage settings: set exactly one of Storage:TableServiceUri (Azure, with a managed identity) and Storage:ConnectionString (Azurite).");
        }

        if (hasUri && (!Uri.TryCreate(options.TableServiceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail($"Invalid Storage:TableServiceUri '{options.TableServiceUri}': expected an absolute https address such as https://{{account}}.table.core.windows.net.");
        }

        if (hasUri && string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            return ValidateOptionsResult.Fail("Missing Storage:ManagedIdentityClientId: set the client id of the user-assigned identity that reaches Storage:TableServiceUri.");
        }

        if (!StorageTables.IsValidPrefix(options.TablePrefix))
        {
            return ValidateOptionsResult.Fail($"Invalid Storage:TablePrefix '{options.TablePrefix}': expected 1 to 20 letters and digits, starting with a letter.");
        }

        return ValidateOptionsResult.Success;
    }
}
