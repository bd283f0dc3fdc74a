namespace AiSoc.Core.Correlation;

/// <summary>Splits correlation keys such as <c>account:upn:alice@contoso.com</c> into their type prefix and value.</summary>
internal static class EntityKeyText
{
    // Longest prefixes first is not needed because no prefix here is a prefix of another one.
    private static readonly string[] Prefixes =
    [
        "account:oid:", "account:upn:", "account:sid:", "host:mde:", "host:aad:", "host:arm:", "host:fqdn:",
        "host:name:", "file:sha256:", "file:sha1:", "ip:", "url:", "domain:", "mail:", "mailbox:", "app:", "arm:",
    ];

    /// <summary>Returns the type prefix of a key, such as <c>account:upn:</c>, or the empty string for an unknown key form.</summary>
    public static string TypeOf(string key)
    {
        foreach (var prefix in Prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }

        return string.Empty;
    }

    /// <summary>Returns the value part of a key, such as <c>alice@contoso.com</c>.</summary>
    public static string ValueOf(string key) => key[TypeOf(key).Length..];
}
