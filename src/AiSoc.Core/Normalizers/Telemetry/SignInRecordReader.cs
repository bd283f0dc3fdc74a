using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Telemetry;

/// <summary>Reads Entra ID sign-in rows (<c>SigninLogs</c> and <c>AADNonInteractiveUserSignInLogs</c> as Log Analytics exports them).</summary>
public static class SignInRecordReader
{
    /// <summary>True for a row with the Log Analytics table name, or with the sign-in columns when the export dropped <c>Type</c>.</summary>
    public static bool CanRead(JsonElement record) =>
        record.Str("Type") is "SigninLogs" or "AADNonInteractiveUserSignInLogs"
        || (record.Str("Type") is null && record.Has("UserPrincipalName") && record.Has("ResultType")
            && record.Has("IPAddress") && record.Has("AppDisplayName"));

    /// <summary>Builds the observation; throws <see cref="InvalidRecordException"/> naming the field at fault.</summary>
    public static SignInObservation Read(JsonElement record, RawRecordRef raw)
    {
        var id = TelemetryFields.Required(record, "Id");
        var time = TelemetryFields.RequiredTime(record, "TimeGenerated");
        var upn = record.Str("UserPrincipalName");
        var userId = record.Str("UserId");
        var user = upn?.ToLowerInvariant() ?? userId?.ToLowerInvariant()
            ?? throw new InvalidRecordException("UserPrincipalName", "missing value, and UserId is missing too");
        var resultType = TelemetryFields.Required(record, "ResultType");

        var owned = new List<JsonDocument>();
        try
        {
            var location = TelemetryFields.NestedObject(record, "LocationDetails", owned);
            var device = TelemetryFields.NestedObject(record, "DeviceDetail", owned);

            return new SignInObservation(
                id,
                time,
                user,
                upn,
                userId,
                NormalizeIp(record.Str("IPAddress")),
                resultType,
                (location?.Str("countryOrRegion") ?? record.Str("Location"))?.ToUpperInvariant(),
                location?.Str("state"),
                location?.Str("city"),
                location is { } details ? ReadCoordinates(details) : null,
                record.Str("AppDisplayName"),
                record.Str("ClientAppUsed"),
                device?.Str("operatingSystem"),
                device?.Str("browser"),
                record.Str("AutonomousSystemNumber"),
                raw);
        }
        finally
        {
            foreach (var document in owned)
            {
                document.Dispose();
            }
        }
    }

    private static GeoPoint? ReadCoordinates(JsonElement location)
    {
        if (location.Get("geoCoordinates") is not { ValueKind: JsonValueKind.Object } coordinates)
        {
            return null;
        }

        var latitude = TelemetryFields.OptionalDouble(coordinates, "latitude", "LocationDetails.geoCoordinates.latitude");
        var longitude = TelemetryFields.OptionalDouble(coordinates, "longitude", "LocationDetails.geoCoordinates.longitude");
        if (latitude is null || longitude is null)
        {
            return null;
        }

        if (latitude is < -90 or > 90)
        {
            throw new InvalidRecordException("LocationDetails.geoCoordinates.latitude", $"latitude {latitude} is outside -90 to 90");
        }

        if (longitude is < -180 or > 180)
        {
            throw new InvalidRecordException("LocationDetails.geoCoordinates.longitude", $"longitude {longitude} is outside -180 to 180");
        }

        return new GeoPoint(latitude.Value, longitude.Value);
    }

    private static string? NormalizeIp(string? text) =>
        IpAddressNormalizer.TryNormalize(text, out var address) && address is not null ? address.ToString() : text;
}
