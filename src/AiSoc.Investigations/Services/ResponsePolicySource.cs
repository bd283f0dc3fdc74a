using AiSoc.Core.Response;

namespace AiSoc.Investigations.Services;

/// <summary>
/// The response policy in force now. Activities read <see cref="Current"/> on every evaluation and before every
/// action, so a policy change (kill switch, blocked action) applies to investigations that are already running.
/// </summary>
public sealed class ResponsePolicySource
{
    private ResponsePolicyOptions _current;

    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="initial"/> is invalid.</exception>
    public ResponsePolicySource(ResponsePolicyOptions initial)
    {
        _current = Validate(initial);
    }

    public ResponsePolicyOptions Current => Volatile.Read(ref _current);

    /// <summary>Replaces the policy; investigations see it at their next evaluation or re-check.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> is invalid.</exception>
    public void Update(ResponsePolicyOptions options) => Volatile.Write(ref _current, Validate(options));

    private static ResponsePolicyOptions Validate(ResponsePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var result = new ResponsePolicyOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(ResponsePolicyOptions.SectionName, typeof(ResponsePolicyOptions), result.Failures);
        }

        return options;
    }
}
