using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AiSoc.Approvals;

/// <summary>
/// Issues and checks anti-forgery tokens for the approval form: an HMAC-SHA256, under a server secret, of the
/// approval id, the browser session id and an expiry time. A form posted from another site lacks a valid token.
/// </summary>
public sealed class AntiForgeryTokens
{
    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lifetime;

    /// <param name="key">Secret of at least 32 bytes, kept by the server.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="lifetime">How long a token stays valid.</param>
    public AntiForgeryTokens(byte[] key, TimeProvider timeProvider, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException($"The anti-forgery key has {key.Length} bytes; use at least 32 random bytes.", nameof(key));
        }

        _key = key;
        _timeProvider = timeProvider;
        _lifetime = lifetime;
    }

    public string Issue(string approvalId, string sessionId)
    {
        var expires = _timeProvider.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return expires + "." + Sign(approvalId, sessionId, expires);
    }

    public bool IsValid(string? token, string approvalId, string sessionId)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        if (_timeProvider.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(approvalId, sessionId, parts[0]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[1]));
    }

    private string Sign(string approvalId, string sessionId, string expires)
    {
        var message = Encoding.UTF8.GetBytes(string.Join('\n', approvalId, sessionId, expires));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, message));
    }
}
