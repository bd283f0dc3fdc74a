namespace AiSoc.Integrations.Graph;

/// <summary>Builds OData <c>$filter</c> expressions from untrusted values.</summary>
public static class ODataFilter
{
    /// <summary>
    /// Returns <paramref name="value"/> as an OData string literal: in single quotes, with each quote doubled. The
    /// request adapter then percent-encodes the whole expression, so <c>#</c> in guest UPNs such as
    /// <c>bob_fabrikam.com#EXT#@contoso.onmicrosoft.com</c> reaches the service intact.
    /// </summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Returns <c>property eq 'value'</c> with the value quoted as a literal.</summary>
    public static string EqualTo(string property, string value) => property + " eq " + Literal(value);
}
