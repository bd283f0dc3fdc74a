namespace AiSoc.Integrations.Recording;

/// <summary>One HTTP request to a tenant API, with secrets redacted.</summary>
/// <param name="Method">HTTP method, such as <c>POST</c>.</param>
/// <param name="Url">Absolute URL with token-like query parameters redacted.</param>
/// <param name="Body">Request body with token-like JSON properties redacted, or empty.</param>
/// <param name="StatusCode">Response status, or null when the request was not sent (dry run) or got no response.</param>
/// <param name="Sent">False when dry-run mode answered the request locally instead of sending it.</param>
public sealed record TenantCall(string Method, string Url, string Body, int? StatusCode, bool Sent)
{
    /// <summary>True for a request that can change the tenant: anything but GET and HEAD.</summary>
    public bool IsWrite => Method is not ("GET" or "HEAD");

    /// <summary>Returns <c>METHOD URL BODY</c> on one line.</summary>
    public string Describe() => Body.Length == 0 ? $"{Method} {Url}" : $"{Method} {Url} {Body}";
}
