using System.Text;
using AiSoc.Approvals;
using AiSoc.Core.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Approvals;

/// <summary>
/// Builds the shared <see cref="ApprovalPageEndpoint"/> and <see cref="ApproverTokenValidator"/> for one request,
/// with the signing keys current at that time. Both are cheap to build, and the keys can rotate between requests.
/// </summary>
public sealed class ApprovalPageFactory
{
    private readonly ApprovalRouteOptions _options;
    private readonly ApproverSigningKeys _signingKeys;
    private readonly IApprovalStore _store;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ApprovalHandler> _handlerLogger;
    private readonly AntiForgeryTokens _antiForgery;

    public ApprovalPageFactory(
        IOptions<ApprovalRouteOptions> options,
        ApproverSigningKeys signingKeys,
        IApprovalStore store,
        IAuditLog audit,
        TimeProvider timeProvider,
        ILogger<ApprovalHandler> handlerLogger)
    {
        ArgumentNullException.ThrowIfNull(options);

        _options = options.Value;
        _signingKeys = signingKeys;
        _store = store;
        _audit = audit;
        _timeProvider = timeProvider;
        _handlerLogger = handlerLogger;
        _antiForgery = new AntiForgeryTokens(Encoding.UTF8.GetBytes(_options.AntiForgeryKey), timeProvider, _options.AntiForgeryLifetime);
    }

    /// <summary>The app role and authentication method an approver must hold.</summary>
    public ApproverTokenSettings Authentication => _options.Authentication;

    /// <summary>Creates the token validator and the page endpoint with the current signing keys.</summary>
    public async Task<(ApproverTokenValidator Validator, ApprovalPageEndpoint Endpoint)> CreateAsync(CancellationToken cancellationToken)
    {
        var settings = _options.Authentication;
        var authentication = new ApproverAuthenticationOptions
        {
            TenantId = settings.TenantId,
            Issuer = settings.ResolveIssuer(),
            Audience = settings.Audience,
            ApproverRole = settings.ApproverRole,
            RequiredAuthenticationMethod = settings.RequiredAuthenticationMethod,
            ClockSkew = settings.ClockSkew,
        };
        foreach (var key in await _signingKeys.GetAsync(cancellationToken).ConfigureAwait(false))
        {
            authentication.SigningKeys.Add(key);
        }

        var validator = new ApproverTokenValidator(authentication, _timeProvider);
        var handler = new ApprovalHandler(_store, validator, authentication, _audit, _timeProvider, _handlerLogger);
        return (validator, new ApprovalPageEndpoint(_store, handler, _antiForgery));
    }
}
