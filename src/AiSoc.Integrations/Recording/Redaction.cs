using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiSoc.Integrations.Recording;

/// <summary>Removes credentials from recorded URLs and bodies before they reach a log or the audit trail.</summary>
public static class Redaction
{
    public const string Mask = "[redacted]";

    private static readonly string[] SecretNames =
        ["token", "secret", "password", "assertion", "authorization", "sig", "signature", "code", "key"];

    /// <summary>Returns <paramref name="url"/> with secret-looking query parameters masked and any user information removed.</summary>
    public static string Url(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);

        var builder = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty };
        if (builder.Query.Length > 1)
        {
            var parts = builder.Query.TrimStart('?').Split('&').Select(part =>
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? part : part[..equals];
                return equals >= 0 && IsSecretName(Uri.UnescapeDataString(name)) ? name + "=" + Mask : part;
            });
            builder.Query = string.Join("&", parts);
        }

        return builder.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
    }

    /// <summary>Returns a JSON body with secret-looking properties masked. A body that is not JSON is replaced by its length.</summary>
    public static string Body(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return string.Empty;
        }

        try
        {
            var node = JsonNode.Parse(body);
            MaskSecrets(node);
            return node?.ToJsonString() ?? string.Empty;
        }
        catch (JsonException)
        {
            return $"[{body.Length} characters, not JSON]";
        }
    }

    private static void MaskSecrets(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(pair => pair.Key).ToList())
                {
                    if (IsSecretName(name) && obj[name] is JsonValue)
                    {
                        obj[name] = Mask;
                    }
                    else
                    {
                        MaskSecrets(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    MaskSecrets(item);
                }

                break;
        }
    }

    // Exact or suffix matches only, so "indicatorValue" or "sha1" stay readable while "client_secret" is masked.
    private static bool IsSecretName(string name)
    {
        var lower = name.ToLowerInvariant().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return SecretNames.Any(secret => lower == secret || (secret.Length >= 5 && lower.EndsWith(secret, StringComparison.Ordinal)));
    }
}
