using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>One Entra ID interactive or non-interactive sign-in from a <c>SigninLogs</c> row. Times are UTC.</summary>
/// <param name="Id">Sign-in request id; rows with the same id are one sign-in.</param>
/// <param name="User">Baseline key: the lower-case UPN, else the user object id.</param>
/// <param name="ResultType">"0" for success, else the Entra error code.</param>
/// <param name="OperatingSystem">From <c>DeviceDetail.operatingSystem</c>.</param>
/// <param name="Browser">From <c>DeviceDetail.browser</c>.</param>
/// <param name="AutonomousSystemNumber">ASN of the source IP, when the export has the column.</param>
public sealed record SignInObservation(
    string Id,
    DateTimeOffset Time,
    string User,
    string? UserPrincipalName,
    string? UserId,
    string? IpAddress,
    string ResultType,
    string? Country,
    string? State,
    string? City,
    GeoPoint? Coordinates,
    string? AppDisplayName,
    string? ClientAppUsed,
    string? OperatingSystem,
    string? Browser,
    string? AutonomousSystemNumber,
    RawRecordRef Raw)
{
    // NOTE: every non-zero code counts as a failure, including interrupts such as 50074 (MFA required) that are often
    // followed by a success, so failure bursts and password spray may count them too.
    public bool IsSuccess => ResultType == "0";

    /// <summary>Operating system and browser together, the device signature the baseline learns.</summary>
    public string? DeviceSignature => OperatingSystem is null && Browser is null
        ? null
        : $"{OperatingSystem ?? "unknown OS"} / {Browser ?? "unknown browser"}";

    /// <summary>City, state and country for messages, skipping the parts that are missing.</summary>
    public string Place => string.Join(", ", new[] { City, State, Country }.Where(part => part is not null));
}

/// <summary>A latitude and longitude in decimal degrees (WGS 84, as Entra reports them).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);
